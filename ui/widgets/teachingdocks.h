#pragma once

class QMainWindow;
class QTabWidget;
class QWidget;

namespace poolviz {

class PoolDocument;
class Settings;
class StageWidget;

/// Adds the teaching docks to `window`, hidden until the View menu (or `poolviz --panel
/// predict|stride`) shows them: "predictDock" (predict mode: the stage hides what the session
/// conceals and its clicks answer the cell questions; closing the dock stops predicting) and
/// "strideDock" (the stride explorer, which pools the photo of `photo`, a PhotoWorkspace, while
/// the Photo tab of `workspaces` is current, else the matrix). With `settings`, predict mode's
/// "hide answers until revealed" is remembered there. The checkable action "predictMode" (F6)
/// starts and stops predicting; while `window` (a MainWindow) presents, a PredictStrip under the
/// stage takes the dock's place, so the class plays the quiz in presenter mode.
void addTeachingDocks(QMainWindow *window, PoolDocument *document, StageWidget *stage,
                      QTabWidget *workspaces, QWidget *photo, Settings *settings = nullptr);

} // namespace poolviz
