#include "frameworkspanel.h"

#include "frameworks.h"
#include "paramstext.h"
#include "photodocument.h"
#include "pooldocument.h"
#include "trace.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace poolviz {

namespace {

enum Column
{
    ColFramework,
    ColLayer,
    ColSupport,
    ColOutput,
    ColDiffers,
    ColumnCount
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

/// A colour per verdict that also reads in grayscale (the word carries the meaning).
QColor supportColor(Support s)
{
    switch (s) {
    case Support::Native:
        return QColor(0x1b, 0x7a, 0x3a);
    case Support::Workaround:
        return QColor(0x9a, 0x62, 0x00);
    case Support::Differs:
        return QColor(0xb0, 0x1e, 0x1e);
    case Support::Recipe:
        return QColor(0x1f, 0x5f, 0xa8);
    case Support::Refused:
        return QColor(0x55, 0x55, 0x55);
    }
    return {};
}

QString supportText(Support s)
{
    switch (s) {
    case Support::Native:
        return FrameworksPanel::tr("yes, as it is");
    case Support::Workaround:
        return FrameworksPanel::tr("with a workaround");
    case Support::Differs:
        return FrameworksPanel::tr("yes, but differs");
    case Support::Recipe:
        return FrameworksPanel::tr("recipe (no layer)");
    case Support::Refused:
        return FrameworksPanel::tr("cannot express");
    }
    return {};
}

} // namespace

FrameworksPanel::FrameworksPanel(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("frameworksPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("frameworksHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_header);

    m_table = new QTableWidget(4, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("frameworksTable"));
    m_table->setHorizontalHeaderLabels({tr("Framework"), tr("Layer or recipe"), tr("Takes it?"),
                                        tr("Output"),
                                        tr("Why, and where it differs from PoolViz")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *h = m_table->horizontalHeader();
    h->setSectionResizeMode(ColFramework, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ColLayer, QHeaderView::Stretch);
    h->setSectionResizeMode(ColSupport, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ColOutput, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ColDiffers, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    m_windowNote = new QLabel(this);
    m_windowNote->setObjectName(QStringLiteral("frameworksWindowNote"));
    m_windowNote->setWordWrap(true);
    m_windowNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_windowNote);

    // traceChanged follows every change of input, parameters or plane, after the geometry.
    connect(document, &PoolDocument::traceChanged, this, &FrameworksPanel::refresh);
    connect(document, &PoolDocument::stepChanged, this, &FrameworksPanel::refreshWindowNote);
    refresh();
}

void FrameworksPanel::setPhoto(PhotoDocument *photo)
{
    if (photo == m_photo)
        return;
    if (m_photo) {
        m_photo->disconnect(this);
        m_photo->windowDocument()->disconnect(this);
    }
    m_photo = photo;
    if (photo) {
        connect(photo, &PhotoDocument::inputChanged, this, &FrameworksPanel::refresh);
        connect(photo, &PhotoDocument::paramsChanged, this, &FrameworksPanel::refresh);
        connect(photo, &PhotoDocument::settingsChanged, this, &FrameworksPanel::refresh);
        connect(photo->windowDocument(), &PoolDocument::stepChanged, this,
                &FrameworksPanel::refreshWindowNote);
        connect(photo->windowDocument(), &PoolDocument::traceChanged, this,
                &FrameworksPanel::refreshWindowNote);
    }
    refresh();
}

const PoolDocument *FrameworksPanel::traced() const
{
    return m_photo ? m_photo->windowDocument() : m_document;
}

void FrameworksPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void FrameworksPanel::refresh()
{
    // A hidden panel waits for showEvent().
    m_stale = !isVisible();
    if (m_stale)
        return;
    // The matrix, or the photo's plane of the window channel (its values only where the
    // comparison stays quick; the sizes and rules need none).
    const bool photo = m_photo && m_photo->hasInput();
    const PoolParams p = m_photo ? m_photo->paramsA() : m_document->params();
    const Tensor plane = photo ? m_photo->input().planeTensor(0, std::min(m_photo->windowChannel(),
                                                                          m_photo->input().c() - 1))
                               : m_document->inputPlane();
    const int h = plane.h(), w = plane.w();
    const Geometry g = photo ? computeGeometry(p, h, w) : m_document->geometry();
    m_header->setText(g.ok() ? tr("<b>PoolViz:</b> %1 on a %2×%3 input → %4×%5. Every framework "
                                  "below is asked for the same numbers.")
                                   .arg(ParamsText::describe(p).toHtmlEscaped())
                                   .arg(h)
                                   .arg(w)
                                   .arg(g.outH())
                                   .arg(g.outW())
                             : tr("<b>PoolViz:</b> %1 on a %2×%3 input: no output (%4)")
                                   .arg(ParamsText::describe(p).toHtmlEscaped())
                                   .arg(h)
                                   .arg(w)
                                   .arg(qs(g.validation.errorText()).toHtmlEscaped()));
    const bool compareValues = !photo || plane.size() <= kMaxComparedValues;
    const std::vector<FrameworkAnswer> answers =
        explainFrameworks(p, h, w, compareValues ? &plane : nullptr);
    if (const std::string verdict = overallVerdict(answers); !verdict.empty())
        m_header->setText(m_header->text() +
                          QStringLiteral("<br><b>%1</b>").arg(qs(verdict).toHtmlEscaped()));
    m_table->setRowCount(int(answers.size()));
    for (int row = 0; row < int(answers.size()); ++row) {
        const FrameworkAnswer &a = answers[std::size_t(row)];
        auto set = [&](int col, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            m_table->setItem(row, col, item);
            return item;
        };
        QTableWidgetItem *name = set(ColFramework, qs(a.name));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        set(ColLayer, qs(a.layer));
        QTableWidgetItem *support = set(ColSupport, supportText(a.support));
        support->setForeground(supportColor(a.support));
        support->setFont(bold);
        set(ColOutput, a.output.h > 0 ? tr("%1×%2").arg(a.output.h).arg(a.output.w) : tr("—"));
        QStringList why;
        why << qs(a.summary);
        for (const std::string &r : a.reasons)
            why << QStringLiteral("• ") + qs(r);
        const int shown = std::min<int>(int(a.differences.size()), 6);
        for (int i = 0; i < shown; ++i) {
            const CellDifference &d = a.differences[std::size_t(i)];
            why << tr("cell (%1, %2): PoolViz %3, %4 %5")
                       .arg(d.row)
                       .arg(d.col)
                       .arg(qs(formatNumber(d.poolviz)), qs(a.name), qs(formatNumber(d.framework)));
        }
        if (int(a.differences.size()) > shown)
            why << tr("… and %1 more cells").arg(int(a.differences.size()) - shown);
        set(ColDiffers, why.join(QLatin1Char('\n')));
    }
    m_table->resizeRowsToContents();
    refreshWindowNote();
}

void FrameworksPanel::refreshWindowNote()
{
    if (m_stale)
        return;
    const auto trace = traced()->trace();
    const int step = traced()->step();
    std::string note;
    if (trace && step >= 0 && step < int(trace->steps.size())) {
        const Step &s = trace->steps[std::size_t(step)];
        note = lpWindowNote(trace->geometry(), trace->input, s.outRow, s.outCol);
        if (!note.empty())
            note = "Output (" + std::to_string(s.outRow) + ", " + std::to_string(s.outCol) +
                   "): " + note + ".";
    }
    m_windowNote->setText(qs(note));
    m_windowNote->setVisible(!note.empty());
}

} // namespace poolviz
