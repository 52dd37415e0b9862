// The GUI with the extreme value every parameter spin box allows, on the largest matrix the
// editor makes (64×64): each combination is answered at once, either pooled and traced or
// refused inline in the parameter panel with the core's message, never by freezing the window
// or exhausting memory.

#include "matrixeditor.h"
#include "parameterpanel.h"
#include "pooldocument.h"
#include "sizelimits.h"

#include <QLabel>
#include <QSpinBox>
#include <QTest>

using namespace poolviz;

class TestExtremes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { setCurrentLimits(Limits{}); }
    void extremes_data();
    void extremes();
    void kernelSpinAtItsMaximum();
};

namespace {

/// The maximum of the panel's spin box named `accessibleName` (e.g. "Kernel height").
int maximumOf(const ParameterPanel &panel, const QString &accessibleName)
{
    for (const QSpinBox *spin : panel.findChildren<QSpinBox *>())
        if (spin->accessibleName() == accessibleName)
            return spin->maximum();
    return -1;
}

QString errorText(const ParameterPanel &panel)
{
    const auto *label = panel.findChild<QLabel *>(QStringLiteral("errorLabel"));
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace

void TestExtremes::extremes_data()
{
    QTest::addColumn<QString>("combination");
    QTest::addColumn<QString>("message"); // empty: traced
    // 64×64 input, kernel 64, stride 1, padding 32: 65×65 windows of 64×64 taps, 4160² =
    // 17305600 taps in the animation.
    QTest::newRow("kernel, padding") << "k s1 p"
                                     << "the animation would draw 1.7·10⁷ window taps in all, "
                                        "above the limit of 4.0·10⁶";
    // Kernel 1, stride 1, padding 32: 128×128 = 16384 steps.
    QTest::newRow("padding at stride 1")
        << "k1 s1 p"
        << "the animation would have 16384 steps, above the limit of 10000";
    QTest::newRow("adaptive") << "adaptive"
                              << "the animation would have 65536 steps, above the limit of 10000";
    // ek = 16·63 + 1 = 1009 against 64 + 64 = 128.
    QTest::newRow("kernel, dilation, padding")
        << "k s1 d p"
        << "kernel 64×64 with dilation 16 spans 1009×1009, larger than the padded input 128×128: "
           "no window fits";
    // With ceil mode the output rule decides: ⌊(128 − 1009 + 0) / 1⌋ + 1 < 1.
    QTest::newRow("kernel, dilation, padding, ceil")
        << "k s1 d p ceil"
        << "kernel 64×64 with dilation 16 spans 1009×1009, larger than the padded input 128×128: "
           "no window fits, even in ceil mode";
    // ⌊(128 − 1009 + 63) / 64⌋ + 1 = −12.
    QTest::newRow("everything at its maximum")
        << "k s d p ceil"
        << "kernel 64×64 with dilation 16 spans 1009×1009, larger than the padded input 128×128: "
           "no window fits, even in ceil mode";
    // SAME keeps 64×64 outputs: 4096 windows of 4096 taps.
    QTest::newRow("SAME, kernel, dilation")
        << "k s1 d same"
        << "the animation would draw 1.7·10⁷ window taps in all, above the limit of 4.0·10⁶";
    // Kernel 64 at stride 64 over padding 32: 2×2 windows, traced.
    QTest::newRow("kernel, stride, padding") << "k s p"
                                             << "";
}

void TestExtremes::extremes()
{
    QFETCH(QString, combination);
    QFETCH(QString, message);
    PoolDocument doc;
    ParameterPanel panel(&doc);
    const int size = MatrixEditor::kMaxSize;
    doc.setInput(Tensor(1, 1, size, size, 1.0f, 2), QStringLiteral("ones"));

    const QStringList parts = combination.split(' ');
    const int k = maximumOf(panel, QStringLiteral("Kernel height"));
    const int s = maximumOf(panel, QStringLiteral("Stride height"));
    const int d = maximumOf(panel, QStringLiteral("Dilation height"));
    const int pad = maximumOf(panel, QStringLiteral("Padding top"));
    const int adaptive = maximumOf(panel, QStringLiteral("Output height"));
    QCOMPARE(k, 64);
    QCOMPARE(s, 64);
    QCOMPARE(d, 16);
    QCOMPARE(pad, 32);
    QCOMPARE(adaptive, 256);
    PoolParams p;
    p.kernel = parts.contains("k1") ? Size2{1, 1} : Size2{k, k};
    p.stride = parts.contains("s1") ? Size2{1, 1} : Size2{s, s};
    if (parts.contains("d"))
        p.dilation = {d, d};
    if (parts.contains("p"))
        p.padding = {pad, pad, pad, pad};
    p.ceilMode = parts.contains("ceil");
    if (parts.contains("same"))
        p.paddingMode = PaddingMode::SameUpper;
    if (parts.contains("adaptive"))
        p.adaptiveOutput = Size2{adaptive, adaptive};
    doc.setParams(p, QStringLiteral("extreme"));

    QCOMPARE(doc.trace() == nullptr, !message.isEmpty());
    QCOMPARE(doc.traceError(), message);
    QCOMPARE(errorText(panel), message);
}

void TestExtremes::kernelSpinAtItsMaximum()
{
    // Typed into the real spin box: stride follows the kernel (64), a 1×1 output, traced.
    PoolDocument doc;
    ParameterPanel panel(&doc);
    doc.setInput(Tensor(1, 1, 64, 64, 2.0f, 2), QStringLiteral("twos"));
    QSpinBox *kernel = nullptr;
    for (QSpinBox *spin : panel.findChildren<QSpinBox *>())
        if (spin->accessibleName() == QLatin1String("Kernel height"))
            kernel = spin;
    QVERIFY(kernel);
    kernel->setValue(kernel->maximum());
    QCOMPARE(doc.params().kernel.h, 64);
    QVERIFY(doc.trace());
    QCOMPARE(errorText(panel), QString());
}

QTEST_MAIN(TestExtremes)
#include "tst_extremes.moc"
