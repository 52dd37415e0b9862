#pragma once

class QMainWindow;

namespace poolviz {

class PoolDocument;

/// Adds the Frameworks and Code panels as docks at the bottom of `window`, tabbed together and
/// hidden until the View menu (or `poolviz --panel`) shows them. Their object names are
/// "frameworksDock" and "codeDock".
void addBridgeDocks(QMainWindow *window, PoolDocument *document);

} // namespace poolviz
