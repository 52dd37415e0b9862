#pragma once

class QMainWindow;

namespace poolviz {

class CodePanel;
class FrameworksPanel;
class PoolDocument;

/// The two panels addBridgeDocks adds.
struct BridgePanels
{
    FrameworksPanel *frameworks = nullptr;
    CodePanel *code = nullptr;
};

/// Adds the Frameworks and Code panels as docks at the bottom of `window`, tabbed together and
/// hidden until the View menu (or `poolviz --panel`) shows them. Their object names are
/// "frameworksDock" and "codeDock".
BridgePanels addBridgeDocks(QMainWindow *window, PoolDocument *document);

} // namespace poolviz
