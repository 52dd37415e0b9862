#include "frameworkspanel.h"

#include "coremessage.h"
#include "frameworks.h"
#include "numbertext.h"
#include "paramstext.h"
#include "photodocument.h"
#include "pooldocument.h"
#include "trace.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    if (m_photo && !m_photo->hasInput()) {
        m_header->setText(tr("Open a photo on the Photo tab: this panel then explains its "
                             "parameters."));
        m_table->setRowCount(0);
        refreshWindowNote();
        return;
    }
    const bool photo = m_photo != nullptr;
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
                                   .arg(coreMessageText(g.validation.errors).toHtmlEscaped()));
    const bool compareValues = !photo || plane.size() <= kMaxComparedValues;
    const std::vector<FrameworkAnswer> answers =
        explainFrameworks(p, h, w, compareValues ? &plane : nullptr);
    if (const std::string verdict = overallVerdict(answers); !verdict.empty())
        m_header->setText(m_header->text() +
                          QStringLiteral("<br><b>%1</b>")
                              .arg(QCoreApplication::translate("poolviz::Message", verdict.c_str())
                                       .toHtmlEscaped()));
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
        // Code as it is; the few words core writes where there is no layer are translated.
        set(ColLayer, QCoreApplication::translate("poolviz::Message", a.layer.c_str()));
        QTableWidgetItem *support = set(ColSupport, supportText(a.support));
        support->setForeground(supportColor(a.support));
        support->setFont(bold);
        set(ColOutput, a.output.h > 0 ? tr("%1×%2").arg(a.output.h).arg(a.output.w) : tr("—"));
        QStringList why;
        // Refused for PoolViz's own error: that error, translated, rather than core's English.
        why << (g.ok() ? coreMessageText(a.summary)
                       : tr("no output: %1").arg(coreMessageText(g.validation.errors)));
        for (const Message &r : a.reasons)
            why << QStringLiteral("• ") + coreMessageText(r);
        const int shown = std::min<int>(int(a.differences.size()), 6);
        for (int i = 0; i < shown; ++i) {
            const CellDifference &d = a.differences[std::size_t(i)];
            why << tr("cell (%1, %2): PoolViz %3, %4 %5")
                       .arg(d.row)
                       .arg(d.col)
                       .arg(screenNumber(d.poolviz), qs(a.name), screenNumber(d.framework));
        }
        if (int(a.differences.size()) > shown)
            why << tr("… and %1 more cells").arg(int(a.differences.size()) - shown);
        set(ColDiffers, why.join(QLatin1Char('\n')));
    }
    m_table->resizeRowsToContents();
    refreshWindowNote();
}

int FrameworksPanel::contentHeight() const
{
    const QMargins margins = layout()->contentsMargins();
    const int spacing = layout()->spacing();
    const int inner = std::max(1, width() - margins.left() - margins.right());
    int h = margins.top() + margins.bottom() + m_header->heightForWidth(inner) + spacing;
    h += m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_table->rowCount(); ++r)
        h += m_table->rowHeight(r);
    if (!m_windowNote->isHidden())
        h += spacing + m_windowNote->heightForWidth(inner);
    return h;
}

void FrameworksPanel::refreshWindowNote()
{
    if (m_stale)
        return;
    const auto trace = traced()->trace();
    const int step = traced()->step();
    QString note;
    if (trace && step >= 0 && step < int(trace->steps.size())) {
        const Step &s = trace->steps[std::size_t(step)];
        if (const std::optional<Message> lp =
                lpWindowMessage(trace->geometry(), trace->input, s.outRow, s.outCol))
            note = tr("Output (%1, %2): %3.").arg(s.outRow).arg(s.outCol).arg(coreMessageText(*lp));
    }
    m_windowNote->setText(note);
    m_windowNote->setVisible(!note.isEmpty());
}

} // namespace poolviz
