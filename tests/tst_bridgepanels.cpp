// The Frameworks and Code panels and the parameter panel's truthful conventions, offscreen:
// each panel observes a PoolDocument, as in the window, and is driven through its own widgets.

#include "codepanel.h"
#include "frameworkspanel.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace poolviz;
using namespace poolviz::test;

namespace {

} // namespace

class TestBridgePanels : public QObject
{
    Q_OBJECT
private slots:
    void frameworksPanelFollowsTheDocument();
    void codePanelCopiesAndExports();
    void codePanelExplainsInvalidParameters();
    void codePanelWaitsWhileHidden();
    void controlsWithoutEffectAreDisabled();
    void sameFormulaIgnoresCeilMode();
    void docksInTheViewMenu();
    void panelsFollowThePhotoTab();
};

void TestBridgePanels::frameworksPanelFollowsTheDocument()
{
    PoolDocument doc;
    doc.reset(iota(6, 2, 1), QStringLiteral("1..12"), lpCeil2x5());
    FrameworksPanel panel(&doc);
    panel.show();
    QTableWidget *t = panel.table();
    QCOMPARE(t->rowCount(), 4);
    QCOMPARE(t->item(0, 0)->text(), QStringLiteral("PyTorch"));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("yes, but differs"));
    QCOMPARE(t->item(0, 3)->text(), QStringLiteral("3×1"));
    // √446 = 21.12 for PoolViz; PyTorch scales the 4-tap window by 10/4: √1115 = 33.39.
    QVERIFY2(t->item(0, 4)->text().contains(QStringLiteral("cell (2, 0): PoolViz 21.12, PyTorch "
                                                           "33.39")),
             qPrintable(t->item(0, 4)->text()));
    QCOMPARE(t->item(2, 2)->text(), QStringLiteral("yes, as it is")); // ONNX's LpPool
    QVERIFY(panel.headerLabel()->text().contains(QStringLiteral("3×1")));

    // The current window's difference, with its numbers.
    doc.setStep(-1); // before the first window: no note
    QVERIFY(panel.windowNoteLabel()->isHidden());
    doc.setStep(2);
    QVERIFY(!panel.windowNoteLabel()->isHidden());
    QCOMPARE(panel.windowNoteLabel()->text(),
             QString::fromUtf8("Output (2, 0): This window holds 4 of the kernel's 10 taps: "
                               "PyTorch's LPPool2d computes (446 \u00b7 10/4)^(1/2) = 33.39, "
                               "PoolViz (446)^(1/2) = 21.12 (ONNX's LpPool)."));

    // Max 2×1 without ceil: every framework agrees, no note.
    PoolParams max;
    max.kernel = {2, 1};
    doc.setParams(max, QStringLiteral("max"));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("yes, as it is"));
    QCOMPARE(t->item(0, 1)->text(),
             QStringLiteral("nn.MaxPool2d(kernel_size=(2, 1), stride=(2, 1), padding=(0, 0), "
                            "dilation=(1, 1), ceil_mode=False)"));
    QCOMPARE(t->item(3, 2)->text(), QStringLiteral("recipe (no layer)"));
    QVERIFY(panel.windowNoteLabel()->isHidden());

    // Refused parameters: every row says why, inline; no crash, no dialog.
    doc.setParams(params(PoolMode::Max, 7, 1), QStringLiteral("k7"));
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(t->item(row, 2)->text(), QStringLiteral("cannot express"));
        QVERIFY2(t->item(row, 4)->text().contains(QStringLiteral("no window fits")),
                 qPrintable(t->item(row, 4)->text()));
    }
    QVERIFY(panel.headerLabel()->text().contains(QStringLiteral("no output")));
}

void TestBridgePanels::codePanelCopiesAndExports()
{
    PoolDocument doc;
    doc.reset(iota(6, 2, 1), QStringLiteral("1..12"), lpCeil2x5());
    CodePanel panel(&doc);
    panel.show();
    QCOMPARE(panel.language(), CodeLanguage::PyTorch);
    QVERIFY(panel.script().contains(QStringLiteral("# torch.nn.LPPool2d(norm_type=2")));
    QCOMPARE(panel.editor()->toPlainText(), panel.script());

    panel.languageCombo()->setCurrentIndex(
        panel.languageCombo()->findText(QStringLiteral("NumPy")));
    QCOMPARE(panel.language(), CodeLanguage::NumPy);
    QVERIFY(panel.script().contains(QStringLiteral("sliding_window_view")));
    QVERIFY(panel.script().contains(QStringLiteral("[21.118711]]")));

    QTest::mouseClick(panel.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), panel.script());
    QVERIFY(panel.messageLabel()->text().startsWith(QStringLiteral("Copied ")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pool.py"));
    QVERIFY(panel.exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), panel.script());
    QString error;
    QVERIFY(!panel.exportTo(dir.filePath(QStringLiteral("missing/pool.py")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing/pool.py")), qPrintable(error));

    // Parameters change: the script follows.
    doc.setParams(params(PoolMode::Avg, 2), QStringLiteral("avg"));
    QVERIFY(panel.script().contains(QStringLiteral("blocks.mean(axis=(3, 5))")));
}

void TestBridgePanels::codePanelExplainsInvalidParameters()
{
    PoolDocument doc;
    doc.reset(iota(4, 4), QStringLiteral("4x4"), params(PoolMode::Max, 5));
    CodePanel panel(&doc);
    panel.show();
    QVERIFY(panel.script().isEmpty());
    QVERIFY(!panel.messageLabel()->isHidden());
    QVERIFY2(panel.messageLabel()->text().contains(QStringLiteral("no window fits")),
             qPrintable(panel.messageLabel()->text()));
    QVERIFY(!panel.copyButton()->isEnabled());
    QVERIFY(!panel.exportButton()->isEnabled());
    doc.setParams(params(PoolMode::Max, 2), QStringLiteral("k2"));
    QVERIFY(panel.messageLabel()->isHidden());
    QVERIFY(panel.copyButton()->isEnabled());
}

void TestBridgePanels::codePanelWaitsWhileHidden()
{
    PoolDocument doc;
    doc.reset(iota(4, 4), QStringLiteral("4x4"), params(PoolMode::Max, 2));
    CodePanel panel(&doc);
    panel.show();
    QVERIFY(panel.script().contains(QStringLiteral("MaxPool2d")));
    panel.hide();
    doc.setParams(params(PoolMode::Avg, 2), QStringLiteral("avg"));
    QVERIFY(panel.script().contains(QStringLiteral("MaxPool2d"))); // not yet: it is hidden
    panel.show();
    QVERIFY(panel.script().contains(QStringLiteral("AvgPool2d")));

    // 300×300 = 90000 values: too many to spell out; the panel says so inline.
    doc.setInput(Tensor::matrix(300, 300, 1.0f), QStringLiteral("big"));
    QVERIFY(panel.script().isEmpty());
    QVERIFY2(panel.messageLabel()->text().contains(QStringLiteral("90000 values")),
             qPrintable(panel.messageLabel()->text()));
    QVERIFY(!panel.copyButton()->isEnabled());
}

void TestBridgePanels::controlsWithoutEffectAreDisabled()
{
    PoolDocument doc;
    PoolParams avg = params(PoolMode::Avg, 2);
    doc.reset(iota(5, 5), QStringLiteral("5x5"), avg);
    ParameterPanel panel(&doc);
    panel.show();
    QVERIFY(panel.countIncludePadCheck()->isEnabled());
    QVERIFY(panel.divisorCheck()->isEnabled());

    avg.paddingMode = PaddingMode::SameUpper;
    doc.setParams(avg, QStringLiteral("SAME"));
    QVERIFY(panel.countIncludePadCheck()->isVisible());
    QVERIFY(!panel.countIncludePadCheck()->isEnabled());
    QVERIFY2(panel.countIncludePadCheck()->toolTip().contains(
                 QStringLiteral("No effect here: SAME padding is never counted")),
             qPrintable(panel.countIncludePadCheck()->toolTip()));
    QVERIFY(!panel.ceilModeCheck()->isEnabled());

    doc.setParams(params(PoolMode::Max, 2), QStringLiteral("max"));
    QVERIFY(panel.divisorCheck()->isVisible());
    QVERIFY(!panel.divisorCheck()->isEnabled());
    QVERIFY(!panel.divisorSpin()->isEnabled());
    QVERIFY2(panel.divisorCheck()->toolTip().contains(QStringLiteral("max pooling has no divisor")),
             qPrintable(panel.divisorCheck()->toolTip()));
    QVERIFY(panel.ceilModeCheck()->isEnabled());
}

void TestBridgePanels::sameFormulaIgnoresCeilMode()
{
    // SAME with ceil ticked: the core ignores ceil mode, and so does the formula shown.
    PoolDocument doc;
    PoolParams same = params(PoolMode::Max, 3, 2);
    same.paddingMode = PaddingMode::SameUpper;
    same.ceilMode = true;
    doc.reset(iota(5, 5), QStringLiteral("5x5"), same);
    ParameterPanel panel(&doc);
    const QString formula = panel.formulaLabel()->text();
    QVERIFY2(formula.contains(QString::fromUtf8("out = \u23085 / 2\u2309 = 3; padding max((3 "
                                                "\u2212 1)\u00b72 + 3 \u2212 5, 0) = 2: 1 before, "
                                                "1 after")),
             qPrintable(formula));
    QVERIFY(!formula.contains(QString::fromUtf8("\u230a")));
}

void TestBridgePanels::docksInTheViewMenu()
{
    MainWindow window(nullptr);
    for (const char *name : {"frameworksDock", "codeDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock, name);
        QVERIFY(dock->isHidden());
        bool inMenu = false;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(dock->toggleViewAction()))
                inMenu = true;
        QVERIFY2(inMenu, name);
    }
}

void TestBridgePanels::panelsFollowThePhotoTab()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ramp.png"));
    QImage image(12, 10, QImage::Format_RGB888);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 12; ++x)
            image.setPixel(x, y, qRgb(x * 20, y * 25, (x + y) * 10));
    QVERIFY(image.save(path));
    MainWindow window(nullptr);
    for (const char *name : {"frameworksDock", "codeDock"})
        window.findChild<QDockWidget *>(QLatin1String(name))->show();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *frameworks = window.findChild<FrameworksPanel *>();
    auto *code = window.findChild<CodePanel *>();
    QVERIFY(frameworks && code);
    code->setLanguage(CodeLanguage::PyTorch);
    PoolParams avg;
    avg.mode = PoolMode::Avg;
    avg.kernel = {3, 3};
    window.document()->setParams(avg, QStringLiteral("avg 3"));
    QVERIFY(code->script().contains(QStringLiteral("AvgPool2d")));

    // The Photo tab: its own parameters (2×2 max) on the photo, loaded by its path.
    window.workspaceTabs()->setCurrentWidget(window.photoWorkspace());
    QVERIFY(window.photoDocument()->openImage(path));
    QVERIFY2(code->script().contains(path), qPrintable(code->script().left(400)));
    QVERIFY(code->script().contains(QStringLiteral("MaxPool2d")));
    QVERIFY(!code->script().contains(QStringLiteral("AvgPool2d")));
    QVERIFY2(frameworks->headerLabel()->text().contains(QString::fromUtf8("10×12 input → 5×6")),
             qPrintable(frameworks->headerLabel()->text()));
    QCOMPARE(frameworks->table()->item(0, 2)->text(), QStringLiteral("yes, as it is"));
    // A pasted photo has no file for a script to load: the panel says so.
    QVERIFY(window.photoDocument()->setImage(image, QStringLiteral("Pasted image")));
    QVERIFY(code->script().isEmpty());
    QVERIFY2(code->messageLabel()->text().contains(QStringLiteral("pasted or dropped")),
             qPrintable(code->messageLabel()->text()));
    // Back on the Matrix tab, both explain the matrix again.
    window.workspaceTabs()->setCurrentIndex(0);
    QVERIFY(code->script().contains(QStringLiteral("AvgPool2d")));
    QVERIFY(frameworks->headerLabel()->text().contains(QString::fromUtf8("4×4 input")));
}

QTEST_MAIN(TestBridgePanels)
#include "tst_bridgepanels.moc"
