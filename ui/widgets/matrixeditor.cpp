#include "matrixeditor.h"

#include "coremessage.h"
#include "matrixio.h"
#include "planeselector.h"
#include "pooldocument.h"
#include "wraplayout.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace poolviz {

namespace {

constexpr int kResizeMergeKey = 1;

QSpinBox *makeSpin(int lo, int hi, int value, const QString &tip, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(lo, hi);
    spin->setValue(value);
    spin->setToolTip(tip);
    spin->setAccelerated(true);
    return spin;
}

QString shapeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

} // namespace

MatrixEditor::MatrixEditor(PoolDocument *document, MatrixModel::Source source, QWidget *parent)
    : QWidget(parent), m_document(document), m_source(source)
{
    const bool isInput = source == MatrixModel::Source::Input;
    setObjectName(isInput ? QStringLiteral("inputEditor") : QStringLiteral("upstreamEditor"));
    m_model = new MatrixModel(document, source, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // The channels side by side, the size of the matrix, clear.
    m_clearButton = new QPushButton(isInput ? tr("&Clear") : tr("&Ones"), this);
    m_clearButton->setObjectName(QStringLiteral("clearValues"));
    m_clearButton->setToolTip(isInput ? tr("Set every value of the current channel to 0")
                                      : tr("Reset the upstream gradient to ones (the default)"));
    connect(m_clearButton, &QPushButton::clicked, this, &MatrixEditor::clearValues);
    if (isInput) {
        m_planes = new PlaneSelector(this);
        m_planes->setObjectName(QStringLiteral("channelSelector"));
        m_planes->setAccessibleName(tr("Channels"));
        m_removeChannel = new QToolButton(this);
        m_removeChannel->setObjectName(QStringLiteral("removeChannel"));
        m_removeChannel->setText(tr("Remove"));
        m_planes->addTrailingWidget(m_removeChannel);
        layout->addWidget(m_planes);

        auto *sizeLabel = new QLabel(tr("&Size"), this);
        m_rows = makeSpin(1, kMaxSize, document->input().h(),
                          tr("Rows of the matrix (1–%1)").arg(kMaxSize), this);
        m_rows->setObjectName(QStringLiteral("rowsSpin"));
        m_rows->setAccessibleName(tr("Rows"));
        m_columns = makeSpin(1, kMaxSize, document->input().w(),
                             tr("Columns of the matrix (1–%1)").arg(kMaxSize), this);
        m_columns->setObjectName(QStringLiteral("columnsSpin"));
        m_columns->setAccessibleName(tr("Columns"));
        sizeLabel->setBuddy(m_rows);
        // Typing "12" must not pass through a 1-row matrix (which would drop rows 1…).
        m_rows->setKeyboardTracking(false);
        m_columns->setKeyboardTracking(false);
        m_addChannel = new QToolButton(this);
        m_addChannel->setObjectName(QStringLiteral("addChannel"));
        m_addChannel->setText(tr("+ Channel"));
        m_addChannel->setToolTip(tr("Add a channel of zeros (each channel is pooled on its own)"));
        // The size at the left, the buttons at the right; a narrow editor puts the buttons on
        // a line of their own.
        auto *sizeRow = new WrapLayout;
        sizeRow->addWidget(
            wrapGroup(this, {sizeLabel, m_rows, new QLabel(QStringLiteral("×"), this), m_columns}));
        sizeRow->addWidget(wrapGroup(this, {m_addChannel, m_clearButton}));
        layout->addLayout(sizeRow);
        connect(m_rows, &QSpinBox::valueChanged, this, &MatrixEditor::resizeInput);
        connect(m_columns, &QSpinBox::valueChanged, this, &MatrixEditor::resizeInput);
        connect(m_rows, &QSpinBox::editingFinished, document, &PoolDocument::closeMergeWindow);
        connect(m_columns, &QSpinBox::editingFinished, document, &PoolDocument::closeMergeWindow);
        connect(m_planes, &PlaneSelector::currentChanged, m_document, &PoolDocument::setPlane);
        connect(m_removeChannel, &QToolButton::clicked, this,
                [this] { removeChannel(m_document->plane()); });
        connect(m_addChannel, &QToolButton::clicked, this, &MatrixEditor::addChannel);
    } else {
        auto *row = new QHBoxLayout;
        m_shapeLabel = new QLabel(this);
        m_shapeLabel->setWordWrap(true);
        row->addWidget(m_shapeLabel, 1);
        row->addWidget(m_clearButton, 0, Qt::AlignTop);
        layout->addLayout(row);
    }

    // The table.
    m_table = new QTableView(this);
    m_table->setObjectName(isInput ? QStringLiteral("inputTable")
                                   : QStringLiteral("upstreamTable"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(isInput ? tr("Input matrix") : tr("Upstream gradient"));
    m_table->setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                             QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->horizontalHeader()->setDefaultSectionSize(54);
    m_table->horizontalHeader()->setMinimumSectionSize(36);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QFont tableFont = m_table->font();
    tableFont.setPointSizeF(tableFont.pointSizeF() * 1.2);
    m_table->setFont(tableFont);
    m_table->installEventFilter(this);
    m_table->viewport()->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MatrixEditor::fitColumns);
    layout->addWidget(m_table, 1);
    connect(m_model, &MatrixModel::editRejected, this, &MatrixEditor::message);

    // Random integers with a range and a seed; clear.
    auto *randomRow = new WrapLayout;
    m_randomLow = makeSpin(-999, 999, isInput ? 0 : -2, tr("Smallest random integer"), this);
    m_randomHigh = makeSpin(-999, 999, 9, tr("Largest random integer"), this);
    m_randomHigh->setValue(isInput ? 9 : 2);
    m_seed = makeSpin(0, 99999, isInput ? 100 : 1,
                      tr("Seed: the same seed always gives the same numbers"), this);
    m_randomButton = new QPushButton(tr("New &Random"), this);
    m_randomButton->setObjectName(isInput ? QStringLiteral("randomInput")
                                          : QStringLiteral("randomGradient"));
    m_randomButton->setToolTip(tr("Fill %1 with random integers from the range, with the seed; "
                                  "the seed then moves on, so the next click draws new numbers")
                                   .arg(isInput ? tr("the current channel") : tr("the gradient")));
    // The button, its range and its seed, each whole, wrapping where the editor is narrow.
    m_randomLow->setObjectName(QStringLiteral("randomLow"));
    m_randomHigh->setObjectName(QStringLiteral("randomHigh"));
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    randomRow->setPacked(true);
    randomRow->addWidget(m_randomButton);
    randomRow->addWidget(
        wrapGroup(this, {m_randomLow, new QLabel(QStringLiteral("–"), this), m_randomHigh}));
    randomRow->addWidget(wrapGroup(this, {new QLabel(tr("seed"), this), m_seed}));
    layout->addLayout(randomRow);
    connect(m_randomButton, &QPushButton::clicked, this, &MatrixEditor::fillRandom);

    // The paste box.
    auto *pasteLabel =
        new QLabel(isInput ? tr("&Paste or type a matrix:") : tr("&Paste a gradient:"), this);
    m_paste = new QPlainTextEdit(this);
    m_paste->setObjectName(isInput ? QStringLiteral("inputPaste")
                                   : QStringLiteral("upstreamPaste"));
    m_paste->setPlaceholderText(
        tr("1 2; 3 4   ·   spreadsheet cells   ·   np.array([[1, 2], [3, 4]])"));
    m_paste->setTabChangesFocus(true);
    m_paste->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_paste->setMaximumHeight(m_paste->fontMetrics().lineSpacing() * 5 + 12);
    m_paste->setAccessibleName(isInput ? tr("Matrix text") : tr("Gradient text"));
    pasteLabel->setBuddy(m_paste);
    m_pasteStatus = new QLabel(this);
    m_pasteStatus->setObjectName(QStringLiteral("pasteStatus"));
    m_pasteStatus->setWordWrap(true);
    m_pasteStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_applyPaste = new QPushButton(isInput ? tr("&Use Matrix") : tr("&Use Gradient"), this);
    m_applyPaste->setObjectName(QStringLiteral("applyPaste"));
    m_applyPaste->setToolTip(tr("Use the text above (Ctrl+Return)"));
    m_applyPaste->setEnabled(false);
    auto *applyShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_paste);
    applyShortcut->setContext(Qt::WidgetShortcut);
    connect(applyShortcut, &QShortcut::activated, m_applyPaste, &QPushButton::click);
    auto *pasteGrid = new QGridLayout;
    pasteGrid->addWidget(pasteLabel, 0, 0, 1, 2);
    pasteGrid->addWidget(m_paste, 1, 0, 1, 2);
    pasteGrid->addWidget(m_pasteStatus, 2, 0);
    pasteGrid->addWidget(m_applyPaste, 2, 1, Qt::AlignRight | Qt::AlignTop);
    pasteGrid->setColumnStretch(0, 1);
    layout->addLayout(pasteGrid);
    connect(m_paste, &QPlainTextEdit::textChanged, this, &MatrixEditor::validatePaste);
    connect(m_applyPaste, &QPushButton::clicked, this, [this] {
        if (applyText(m_paste->toPlainText()))
            emit applied();
    });

    // Tab walks the rows as they read (the buttons were made first, for both kinds of editor).
    QList<QWidget *> order;
    if (isInput)
        order << m_planes << m_removeChannel << m_rows << m_columns << m_addChannel;
    order << m_clearButton << m_table << m_randomButton << m_randomLow << m_randomHigh << m_seed
          << m_paste << m_applyPaste;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(document, &PoolDocument::inputChanged, this, &MatrixEditor::syncFromDocument);
    connect(document, &PoolDocument::planeChanged, this, &MatrixEditor::syncFromDocument);
    connect(document, &PoolDocument::traceChanged, this, &MatrixEditor::syncFromDocument);
    syncFromDocument();
}

QString MatrixEditor::planeLabel(int plane) const
{
    const Tensor &t = m_document->input();
    const int c = std::max(1, t.c());
    if (t.n() > 1)
        return tr("Sample %1 · channel %2").arg(plane / c).arg(plane % c);
    return tr("Channel %1").arg(plane % c);
}

void MatrixEditor::syncFromDocument()
{
    const Tensor &input = m_document->input();
    if (m_planes) {
        // Short labels ("2", or "1·2" for sample 1, channel 2) after a caption keep every plane
        // in view in a narrow editor; the full names are the buttons' tooltips.
        const int planes = m_document->planeCount();
        const int c = std::max(1, input.c());
        QStringList labels;
        QStringList names;
        for (int i = 0; i < planes; ++i) {
            labels << (input.n() > 1 ? QStringLiteral("%1·%2").arg(i / c).arg(i % c)
                                     : QString::number(i % c));
            names << planeLabel(i);
        }
        m_planes->setPlanes(input.n() > 1 ? tr("Sample · channel") : tr("Channel"), labels, names);
        m_planes->setCurrent(m_document->plane());
        m_planes->setVisible(planes > 1);
        const bool removable = input.n() == 1 && input.c() > 1;
        m_removeChannel->setVisible(removable);
        m_removeChannel->setToolTip(
            tr("Remove channel %1, the one shown").arg(m_document->plane()));
        m_removeChannel->setAccessibleName(tr("Remove channel %1").arg(m_document->plane()));
        m_addChannel->setEnabled(input.n() == 1 && input.c() < 16);
    }
    if (m_rows) {
        const QSignalBlocker b1(m_rows);
        const QSignalBlocker b2(m_columns);
        m_rows->setMaximum(std::max(kMaxSize, input.h()));
        m_columns->setMaximum(std::max(kMaxSize, input.w()));
        m_rows->setValue(input.h());
        m_columns->setValue(input.w());
    }
    if (m_shapeLabel) {
        const Geometry &g = m_document->geometry();
        const bool ok = g.ok();
        m_shapeLabel->setText(ok ? tr("∂L/∂y: one value per output cell (%1, the output's size). "
                                      "Ones by default; type, paste or randomise.")
                                       .arg(shapeText(g.outH(), g.outW()))
                                 : tr("No output, so no gradient: fix the parameters first."));
        m_table->setEnabled(ok);
        m_randomButton->setEnabled(ok);
        m_clearButton->setEnabled(ok);
        validatePaste();
    }
}

void MatrixEditor::validatePaste()
{
    const QString text = m_paste->toPlainText();
    QList<QTextEdit::ExtraSelection> marks;
    if (text.trimmed().isEmpty()) {
        m_pasteStatus->clear();
        m_applyPaste->setEnabled(false);
        m_paste->setExtraSelections(marks);
        return;
    }
    const IoResult<Tensor> parsed = parseMatrixText(text.toStdString());
    if (!parsed.ok()) {
        QString message = coreIoText(parsed.error);
        if (!message.isEmpty())
            message[0] = message[0].toUpper();
        m_pasteStatus->setText(
            QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
        m_pasteStatus->setToolTip(
            tr("The matrix in use stays as it was until the text reads as a matrix."));
        m_applyPaste->setEnabled(false);
        if (parsed.error.line > 0) {
            const QTextBlock block = m_paste->document()->findBlockByNumber(parsed.error.line - 1);
            if (block.isValid()) {
                QTextEdit::ExtraSelection mark;
                mark.cursor = QTextCursor(block);
                const int column =
                    std::clamp(parsed.error.column - 1, 0, std::max(0, block.length() - 1));
                mark.cursor.setPosition(block.position() + column);
                mark.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
                if (!mark.cursor.hasSelection())
                    mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
                mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                mark.format.setUnderlineColor(QColor(0xb0, 0x00, 0x20));
                mark.format.setBackground(QColor(0xff, 0xe4, 0xe8));
                marks << mark;
            }
        }
        m_paste->setExtraSelections(marks);
        return;
    }
    m_paste->setExtraSelections(marks);
    const Tensor &t = *parsed.value;
    QString what = QString::fromStdString(t.shapeString());
    bool usable = true;
    if (m_source == MatrixModel::Source::Upstream) {
        const Geometry &g = m_document->geometry();
        usable = g.ok() && t.planeCount() == 1 && t.h() == g.outH() && t.w() == g.outW();
        if (!usable) {
            m_pasteStatus->setText(
                QStringLiteral("<span style='color:#b00020'>%1</span>")
                    .arg(tr("The gradient must be %1 (the output's size); this is %2.")
                             .arg(g.ok() ? shapeText(g.outH(), g.outW()) : tr("the output's size"),
                                  what)
                             .toHtmlEscaped()));
            m_applyPaste->setEnabled(false);
            return;
        }
    }
    m_pasteStatus->setText(QStringLiteral("<span style='color:#1b6e35'>%1</span>")
                               .arg(tr("✓ %1 %2 — press Use (Ctrl+Return)")
                                        .arg(what, t.planeCount() > 1 ? tr("tensor") : tr("matrix"))
                                        .toHtmlEscaped()));
    m_pasteStatus->setToolTip(QString());
    m_applyPaste->setEnabled(usable);
}

bool MatrixEditor::applyText(const QString &text)
{
    if (m_paste->toPlainText() != text)
        m_paste->setPlainText(text); // shows the error inline if there is one
    const IoResult<Tensor> parsed = parseMatrixText(text.toStdString());
    if (!parsed.ok()) {
        validatePaste();
        return false;
    }
    const Tensor &t = *parsed.value;
    if (m_source == MatrixModel::Source::Upstream) {
        const Geometry &g = m_document->geometry();
        if (!g.ok() || t.planeCount() != 1 || t.h() != g.outH() || t.w() != g.outW()) {
            validatePaste();
            return false;
        }
        m_document->setUpstreamPlane(t, tr("Paste gradient"));
        emit message(tr("Upstream gradient set from the text."));
        return true;
    }
    const Tensor &input = m_document->input();
    if (t.planeCount() == 1 && input.planeCount() > 1 && t.h() == input.h() && t.w() == input.w()) {
        Tensor next = input;
        const int c = std::max(1, input.c());
        next.plane(m_document->plane() / c, m_document->plane() % c) = t.plane(0, 0);
        m_document->editInput(next, tr("Paste into %1").arg(planeLabel(m_document->plane())));
        emit message(
            tr("Pasted a %1 matrix into %2.")
                .arg(QString::fromStdString(t.shapeString()), planeLabel(m_document->plane())));
    } else {
        // The paste replaced the matrix: the title says so, not "… (edited)".
        const QString shape = QString::fromStdString(t.shapeString());
        m_document->editInput(t, tr("Paste %1 matrix").arg(shape), -1,
                              t.planeCount() > 1 ? tr("%1 pasted tensor").arg(shape)
                                                 : tr("%1 pasted matrix").arg(shape));
        emit message(tr("Pasted a %1 %2.")
                         .arg(QString::fromStdString(t.shapeString()),
                              t.planeCount() > 1 ? tr("tensor") : tr("matrix")));
    }
    return true;
}

void MatrixEditor::fillRandom()
{
    int lo = m_randomLow->value();
    int hi = m_randomHigh->value();
    if (lo > hi)
        std::swap(lo, hi);
    const unsigned seed = unsigned(m_seed->value());
    // The next click draws new numbers: the seed moves on (the one used stays in the title).
    m_seed->setValue(m_seed->value() < m_seed->maximum() ? m_seed->value() + 1 : 0);
    if (m_source == MatrixModel::Source::Upstream) {
        const Tensor g = m_document->upstreamPlane();
        if (g.empty())
            return;
        m_document->setUpstreamPlane(
            randomIntegers(g.h(), g.w(), lo, hi, seed),
            tr("Random gradient %1…%2, seed %3").arg(lo).arg(hi).arg(seed));
        return;
    }
    const Tensor &input = m_document->input();
    const Tensor plane = randomIntegers(input.h(), input.w(), lo, hi, seed);
    const QString description = tr("Random integers %1…%2, seed %3").arg(lo).arg(hi).arg(seed);
    if (input.planeCount() == 1) {
        m_document->setInput(plane, description);
        return;
    }
    Tensor next = input;
    const int c = std::max(1, input.c());
    next.plane(m_document->plane() / c, m_document->plane() % c) = plane.plane(0, 0);
    m_document->setInput(next, description);
}

void MatrixEditor::clearValues()
{
    if (m_source == MatrixModel::Source::Upstream) {
        const Tensor g = m_document->upstream();
        if (!g.empty())
            m_document->setUpstream(Tensor(g.n(), g.c(), g.h(), g.w(), 1.0f, g.rank()),
                                    tr("Reset gradient to ones"));
        return;
    }
    Tensor next = m_document->input();
    const int c = std::max(1, next.c());
    next.plane(m_document->plane() / c, m_document->plane() % c).setZero();
    m_document->editInput(next, tr("Clear %1").arg(planeLabel(m_document->plane())));
}

void MatrixEditor::resizeInput()
{
    const Tensor &input = m_document->input();
    const int rows = m_rows->value();
    const int cols = m_columns->value();
    if (rows == input.h() && cols == input.w())
        return;
    Tensor next(input.n(), input.c(), rows, cols, 0.0f, input.rank());
    for (int n = 0; n < input.n(); ++n)
        for (int c = 0; c < input.c(); ++c)
            for (int r = 0; r < std::min(rows, input.h()); ++r)
                for (int k = 0; k < std::min(cols, input.w()); ++k)
                    next.at(n, c, r, k) = input.at(n, c, r, k);
    m_document->editInput(next, tr("Resize to %1").arg(shapeText(rows, cols)), kResizeMergeKey);
}

void MatrixEditor::addChannel()
{
    const Tensor &input = m_document->input();
    if (input.n() != 1)
        return;
    Tensor next(1, input.c() + 1, input.h(), input.w(), 0.0f, std::max(3, input.rank()));
    std::copy(input.data().begin(), input.data().end(), next.data().begin());
    m_document->editInput(next, tr("Add channel %1").arg(input.c()));
    m_document->setPlane(input.c());
}

void MatrixEditor::removeChannel(int index)
{
    const Tensor &input = m_document->input();
    if (input.n() != 1 || input.c() < 2 || index < 0 || index >= input.c())
        return;
    Tensor next(1, input.c() - 1, input.h(), input.w(), 0.0f, input.rank());
    for (int c = 0, k = 0; c < input.c(); ++c) {
        if (c == index)
            continue;
        next.plane(0, k++) = input.plane(0, c);
    }
    if (next.c() == 1 && input.rank() == 3)
        next.setRank(2);
    m_document->editInput(next, tr("Remove channel %1").arg(index));
}

void MatrixEditor::deleteSelection()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    if (m_source == MatrixModel::Source::Upstream) {
        Tensor g = m_document->upstreamPlane();
        for (const QModelIndex &i : selected)
            g.at(i.row(), i.column()) = 0.0f;
        m_document->setUpstreamPlane(g, tr("Clear gradient cells"));
        return;
    }
    Tensor next = m_document->input();
    const int c = std::max(1, next.c());
    for (const QModelIndex &i : selected)
        next.at(m_document->plane() / c, m_document->plane() % c, i.row(), i.column()) = 0.0f;
    m_document->editInput(next, tr("Clear %n cell(s)", nullptr, int(selected.size())));
}

void MatrixEditor::fitColumns()
{
    // Columns share the visible width (40–64 px each), so an 8×8 matrix needs no scrolling.
    const int columns = m_model->columnCount();
    if (columns == 0)
        return;
    const int width = std::clamp(m_table->viewport()->width() / columns, 40, 64);
    QHeaderView *header = m_table->horizontalHeader();
    if (header->defaultSectionSize() == width)
        return;
    header->setDefaultSectionSize(width);
    for (int c = 0; c < columns; ++c)
        header->resizeSection(c, width);
}

bool MatrixEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_table && event->type() == QEvent::ShortcutOverride) {
        // The table's navigation keys win over the window's playback shortcuts.
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_Space:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
                event->accept();
                return true;
            }
            break;
        default:
            break;
        }
    }
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
            key->modifiers() == Qt::NoModifier) {
            deleteSelection();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace poolviz
