// Hostile input through the window's own doors, as a careless user or a malicious file would
// bring it: text pasted into the matrix editor or from the clipboard (malformed, binary, NUL
// bytes, values out of range, a matrix far larger than the editor makes, one above the value
// limit) and files or images dropped onto the window for the Photo tab (empty, truncated, a
// header declaring thousands of megapixels, an image the platform could not decode). Each is
// answered inline with a message naming the problem, the matrix or photo in use stays, and the
// window stays responsive: it repaints and the next input is taken.

#include "lessonfile.h"
#include "mainwindow.h"
#include "matrixeditor.h"
#include "parameterpanel.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "sizelimits.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

using namespace poolviz;

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void malformedPaste_data();
    void malformedPaste();
    void hugePasteIsTakenAndTheTraceRefused();
    void pasteAboveTheValueLimit();
    void binaryClipboardText();
    void droppedBadImage_data();
    void droppedBadImage();
    void droppedUndecodableImage();
    void droppedPipe_data();
    void droppedPipe();
    void lessonFromPipe();
};

namespace {

/// A shown window that never asks questions (unsaved edits: discard).
std::unique_ptr<MainWindow> openWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->resize(1100, 700);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        qWarning("window not exposed");
    return w;
}

QString sourceDir()
{
    return qEnvironmentVariable("POOLVIZ_SOURCE_DIR");
}

/// The paste box's status line as the user reads it (the label holds coloured HTML).
QString statusText(const MatrixEditor *editor)
{
    QTextDocument doc;
    doc.setHtml(editor->pasteStatus()->text());
    return doc.toPlainText();
}

QString panelError(const MainWindow &w)
{
    const auto *label = w.parameterPanel()->findChild<QLabel *>(QStringLiteral("errorLabel"));
    return label && !label->isHidden() ? label->text() : QString();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Drags `mime` onto the window and drops it there, as a file manager or browser does.
bool dropOn(MainWindow &w, QMimeData *mime)
{
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    return true;
}

/// "rows" lines of "cols" small integers separated by spaces.
QString matrixText(int rows, int cols)
{
    QString text;
    text.reserve(rows * cols * 3);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            text += QString::number((r * 7 + c * 3) % 10);
            text += c + 1 < cols ? QLatin1Char(' ') : QLatin1Char('\n');
        }
    }
    return text;
}

} // namespace

void TestHostileInput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PoolVizTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostileinput"));
    QVERIFY2(!sourceDir().isEmpty(), "POOLVIZ_SOURCE_DIR is not set");
}

void TestHostileInput::init()
{
    setCurrentLimits(Limits{});
}

void TestHostileInput::malformedPaste_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // the status line, exactly
    QTest::newRow("ragged rows") << QStringLiteral("1 2 3\n4 5\n")
                                 << QStringLiteral("Line 2: row 2 has 2 values, but row 1 has 3");
    QTest::newRow("unclosed bracket")
        << QStringLiteral("[[1, 2], [3, 4]")
        << QStringLiteral("Line 1, column 1: unbalanced brackets: \"[\" is never closed");
    QTest::newRow("word") << QStringLiteral("1 2\n3 four\n")
                          << QStringLiteral("Line 2, column 3: \"four\" is not a number");
    QTest::newRow("NUL byte") << QString::fromLatin1("1 2\n3 \0\n", 8)
                              << QStringLiteral("Line 2, column 3: \"\\x00\" is not a number");
    QTest::newRow("control bytes")
        << QString::fromLatin1("\x01\x02\x7f\x1b[2J")
        << QStringLiteral("Line 1, column 5: unbalanced brackets: \"[\" is never closed");
    QTest::newRow("above float")
        << QStringLiteral("1 2\n3 1e39\n")
        << QStringLiteral("Line 2, column 3: \"1e39\" is too large for a 32-bit float (largest "
                          "3.4028235e+38)");
    QTest::newRow("separators only")
        << QStringLiteral(",,,;;;\n,,") << QStringLiteral("No numbers found");
    QTest::newRow("long garbage line")
        << QString(200000, QLatin1Char('x'))
        << QStringLiteral(
               "Line 1, column 1: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not a number");
    QTest::newRow("deep brackets")
        << QString(5000, QLatin1Char('['))
        << QStringLiteral("Line 1, column 5000: unbalanced brackets: \"[\" is never closed");
}

void TestHostileInput::malformedPaste()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    const Tensor before = w->document()->input();
    editor->pasteEdit()->setPlainText(text);
    QCOMPARE(statusText(editor), message);
    auto *apply = editor->findChild<QPushButton *>(QStringLiteral("applyPaste"));
    QVERIFY(apply && !apply->isEnabled());
    QVERIFY(!editor->applyText(text));
    QCOMPARE(w->document()->input(), before);
    // Still answering: it repaints and takes the next, good text.
    QVERIFY(!w->grab().isNull());
    QVERIFY(editor->applyText(QStringLiteral("1 2\n3 4")));
    QCOMPARE(w->document()->input(), Tensor::fromRows({{1, 2}, {3, 4}}));
}

void TestHostileInput::hugePasteIsTakenAndTheTraceRefused()
{
    // 400×400 = 160000 values (about 320 kB of text): a valid matrix, far above the 64×64 the
    // editor's spin boxes make. It is taken; the default 2×2 kernel at stride 2 would animate
    // 200×200 = 40000 steps, which the panel refuses inline. The stage still paints.
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QVERIFY(editor->applyText(matrixText(400, 400)));
    QCOMPARE(w->document()->input().h(), 400);
    QCOMPARE(w->document()->input().w(), 400);
    QCOMPARE(w->document()->input().at(399, 398), float((399 * 7 + 398 * 3) % 10));
    QVERIFY(w->document()->trace() == nullptr);
    QCOMPARE(panelError(*w),
             QStringLiteral("the animation would have 40000 steps, above the limit of 10000"));
    QVERIFY(!w->grab().isNull());
}

void TestHostileInput::pasteAboveTheValueLimit()
{
    // Under a limit of 10000 values (Edit ▸ Limits…), 101×100 is refused by the parser before
    // the matrix is built; the matrix in use stays.
    setCurrentLimits({10000, 10000, 4'000'000});
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    const Tensor before = w->document()->input();
    editor->pasteEdit()->setPlainText(matrixText(101, 100));
    QCOMPARE(statusText(editor),
             QStringLiteral("A 101×100 array would hold 10100 values, above the limit of 10000"));
    QVERIFY(!editor->applyText(matrixText(101, 100)));
    QCOMPARE(w->document()->input(), before);
}

void TestHostileInput::binaryClipboardText()
{
    // Ctrl+V with the bytes of a PNG as text: refused, the paste box says why.
    auto w = openWindow();
    const Tensor before = w->document()->input();
    const QByteArray png =
        readFile(sourceDir() + QStringLiteral("/resources/icons/hicolor/16x16.png"));
    QVERIFY(!png.isEmpty());
    QApplication::clipboard()->setText(QString::fromLatin1(png));
    QVERIFY(!w->pasteFromClipboard());
    QCOMPARE(w->lastMessage(),
             QStringLiteral("The clipboard text is not a matrix: see the paste box."));
    // The PNG's bytes hold a "[" (in the IDAT data) that is never closed.
    QVERIFY2(statusText(w->inputEditor()).contains(QStringLiteral("is never closed")),
             qPrintable(statusText(w->inputEditor())));
    QCOMPARE(w->document()->input(), before);
}

void TestHostileInput::droppedBadImage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message"); // the Photo tab's message; %1 is the file's path
    const QString photos = sourceDir() + QStringLiteral("/resources/photos/");
    const QString hostile = sourceDir() + QStringLiteral("/tests/data/hostile/");
    const QByteArray jpg = readFile(photos + QStringLiteral("cat-224.jpg"));
    const QByteArray png =
        readFile(sourceDir() + QStringLiteral("/resources/icons/hicolor/64x64.png"));
    QTest::newRow("0-byte png") << "empty.png" << QByteArray()
                                << "cannot read image \"%1\": the file is empty (0 bytes)";
    QTest::newRow("0-byte jpeg") << "empty.jpg" << QByteArray()
                                 << "cannot read image \"%1\": the file is empty (0 bytes)";
    QTest::newRow("png cut in half")
        << "half.png" << png.left(png.size() / 2)
        << "cannot read image \"%1\": it is damaged or cut short (its IDAT chunk at byte 54 "
           "declares 1779 bytes; the file ends 866 bytes later)";
    QTest::newRow("jpeg cut to a third")
        << "third.jpg" << jpg.left(jpg.size() / 3)
        << "cannot read image \"%1\": the JPEG data stops before its end marker (the file is "
           "truncated)";
    QTest::newRow("jpeg cut to 20 bytes")
        << "head20.jpg" << jpg.left(20)
        << "cannot read image \"%1\": the JPEG data stops before its end marker (the file is "
           "truncated)";
    QTest::newRow("png header of 60000×50000")
        << "huge.png" << readFile(hostile + QStringLiteral("huge-60000x50000.png"))
        << "cannot load \"%1\": the image is 60000×50000 = 3000 megapixels, above the limit of "
           "100 megapixels";
    QTest::newRow("bmp header of 20000×20000")
        << "huge.bmp" << readFile(hostile + QStringLiteral("huge-20000x20000.bmp"))
        << "cannot read image \"%1\": "; // then Qt's words for a decoder that gave up
    QTest::newRow("gif header of 65535×65535")
        << "huge.gif" << readFile(hostile + QStringLiteral("huge-65535x65535.gif"))
        << "cannot load \"%1\": the image is 65535×65535 = 4294.8 megapixels, above the limit "
           "of 100 megapixels";
}

void TestHostileInput::droppedBadImage()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    auto w = openWindow();
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    QVERIFY(photo->document()->setImage(QImage(QSize(12, 8), QImage::Format_Grayscale8),
                                        QStringLiteral("good")));
    const Tensor before = photo->document()->input();

    const QString path = dir.filePath(name);
    QVERIFY(writeFile(path, bytes));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(dropOn(*w, &mime));
    QCOMPARE(w->workspaceTabs()->currentWidget(), photo);
    const QString expected = message.arg(QDir::toNativeSeparators(path));
    QVERIFY2(photo->document()->message() == expected ||
                 (expected.endsWith(QLatin1String(": ")) &&
                  photo->document()->message().startsWith(expected) &&
                  photo->document()->message().size() > expected.size()),
             qPrintable(photo->document()->message()));
    auto *label = photo->findChild<QLabel *>(QStringLiteral("photoMessage"));
    QVERIFY(label && label->isVisibleTo(photo));
    QCOMPARE(photo->document()->inputName(), QStringLiteral("good"));
    QCOMPARE(photo->document()->input(), before);
    QVERIFY(!w->grab().isNull());
}

void TestHostileInput::droppedUndecodableImage()
{
    // A browser's image the platform could not decode arrives as a null image.
    auto w = openWindow();
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    QVERIFY(photo->document()->setImage(QImage(QSize(12, 8), QImage::Format_Grayscale8),
                                        QStringLiteral("good")));
    QMimeData mime;
    mime.setImageData(QImage());
    mime.setData(QStringLiteral("application/x-qt-image"), QByteArray("not an image"));
    QVERIFY(dropOn(*w, &mime));
    QCOMPARE(photo->document()->message(), QStringLiteral("“Dropped image” holds no image."));
    QCOMPARE(photo->document()->inputName(), QStringLiteral("good"));
}

void TestHostileInput::droppedPipe_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("matrix") << "numbers.csv";
    QTest::newRow("image") << "photo.png";
}

void TestHostileInput::droppedPipe()
{
    // A named pipe with no writer: opening it would block the window forever. Refused at once,
    // on the window and on the Photo tab's own door (drop, Recent, a copied file).
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    auto w = openWindow();
    const Tensor before = w->document()->input();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(dropOn(*w, &mime));
    QCOMPARE(w->bannerText(),
             QStringLiteral("Cannot open “%1”: it is not a regular file but a pipe, "
                            "device or socket, which could keep PoolViz waiting "
                            "forever")
                 .arg(name));
    QCOMPARE(w->document()->input(), before);
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    QVERIFY(!photo->document()->openImage(path));
    QCOMPARE(photo->document()->message(),
             QStringLiteral("cannot read image \"%1\": it is not a regular file "
                            "but a pipe, device or socket, which could keep "
                            "PoolViz waiting forever")
                 .arg(QDir::toNativeSeparators(path)));
}

void TestHostileInput::lessonFromPipe()
{
    // A lesson opened from Recent or the command line that is a pipe: refused by the reader.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("class.poolviz"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    const QString refusal = QStringLiteral("it is not a regular file but a pipe, device or socket, "
                                           "which could keep PoolViz waiting forever");
    const LessonReadResult read = LessonFile::read(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error, QStringLiteral("Cannot read “class.poolviz”: %1").arg(refusal));
    auto w = openWindow();
    QVERIFY(!w->openFile(path));
    QCOMPARE(w->bannerText(), QStringLiteral("Cannot open “class.poolviz”: %1").arg(refusal));
}

QTEST_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
