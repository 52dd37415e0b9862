#include "handout.h"

#include "coremessage.h"
#include "matrixfile.h"
#include "stagerenderer.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>

namespace poolviz {

namespace {

/// Draws `text` wrapped into `width` from `top`; returns the height used.
double paintWrapped(QPainter &p, const QString &text, const QFont &font, const QPointF &topLeft,
                    double width, const QColor &color)
{
    if (text.isEmpty())
        return 0;
    p.save();
    p.setFont(font);
    p.setPen(color);
    const QRectF bounds =
        p.boundingRect(QRectF(topLeft, QSizeF(width, 10000)), Qt::TextWordWrap, text);
    p.drawText(QRectF(topLeft, QSizeF(width, bounds.height())), Qt::TextWordWrap, text);
    p.restore();
    return bounds.height();
}

QFont pixelFont(double px, bool bold = false, bool italic = false)
{
    QFont f;
    f.setPixelSize(std::max(1, int(px)));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

} // namespace

std::vector<Handout::Page> Handout::pages(const std::vector<HandoutScene> &scenes, HandoutKind kind)
{
    std::vector<Page> out;
    for (int s = 0; s < int(scenes.size()); ++s) {
        const auto &trace = scenes[std::size_t(s)].trace;
        if (!trace || trace->steps.empty()) {
            out.push_back({s, -1, false});
            continue;
        }
        if (kind == HandoutKind::Worksheet) {
            out.push_back({s, -1, false, true});
            continue;
        }
        for (int i = 0; i < int(trace->steps.size()); ++i) {
            out.push_back({s, i, false});
            if (out.size() > std::size_t(kMaxPages))
                return out; // enough to refuse; the rest need not be counted
        }
    }
    if (kind == HandoutKind::Worksheet)
        for (int s = 0; s < int(scenes.size()); ++s)
            if (const auto &trace = scenes[std::size_t(s)].trace; trace && !trace->steps.empty())
                out.push_back({s, int(trace->steps.size()) - 1, true, false});
    return out;
}

QRectF Handout::paintPage(QPainter &p, const QRectF &target, const QString &lessonTitle,
                          const std::vector<HandoutScene> &scenes, const Page &page, int pageNumber,
                          int pageCount)
{
    const HandoutScene &scene = scenes.at(std::size_t(page.scene));
    const double unit = target.height() / 794.0; // the layout is drawn for A4 at 96 dpi
    const double margin = 40 * unit;
    const QRectF area = target.adjusted(margin, margin, -margin, -margin);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(target, Qt::white);

    // Heading: the lesson (small, grey) and the scene, with what the page asks for.
    double y = area.top();
    if (!lessonTitle.isEmpty())
        y += paintWrapped(p, lessonTitle, pixelFont(16 * unit), {area.left(), y}, area.width(),
                          QColor(0x55, 0x55, 0x55));
    QString heading = scene.title.isEmpty() ? tr("Scene %1").arg(page.scene + 1) : scene.title;
    if (page.answer)
        heading = tr("Answer: %1").arg(heading);
    y += paintWrapped(p, heading, pixelFont(28 * unit, true), {area.left(), y}, area.width(),
                      Qt::black);
    y += 4 * unit;
    // Backward and unpool fill an input-sized plane; forward fills the output.
    const bool backward = scene.trace && scene.trace->phase != Phase::Forward;
    const bool unpool = scene.trace && scene.trace->phase == Phase::Unpool;
    QString task;
    if (!scene.trace || scene.trace->steps.empty())
        task = scene.error.isEmpty() ? tr("These parameters give no windows to step through.")
                                     : scene.error;
    else if (page.answer && unpool)
        task = tr("The unpooled plane, filled in by all %1 steps.").arg(scene.trace->steps.size());
    else if (page.blank && unpool)
        task = tr("Fill in the unpooled plane: where does each pooled value go back to?");
    else if (page.answer)
        task = backward
                   ? tr("The input gradient, filled in by all %1 steps.")
                         .arg(scene.trace->steps.size())
                   : tr("The output, filled in by all %1 windows.").arg(scene.trace->steps.size());
    else if (page.blank)
        task = backward ? tr("Fill in the input gradient: where does each output gradient go? "
                             "Write the sums where windows overlap.")
                        : tr("Fill in the output grid: one number for each of the %1 windows.")
                              .arg(scene.trace->steps.size());
    else if (page.step < 0)
        task = tr("Before the first step");
    else
        task = tr("Step %1 of %2").arg(page.step + 1).arg(scene.trace->steps.size());
    y += paintWrapped(p, task, pixelFont(18 * unit, true), {area.left(), y}, area.width(),
                      QColor(0x1f, 0x4e, 0x8c));
    if (!scene.note.isEmpty() && !page.answer && !page.blank) {
        y += 6 * unit;
        y += paintWrapped(p, scene.note, pixelFont(18 * unit, false, true), {area.left(), y},
                          area.width(), QColor(0x33, 0x33, 0x33));
    }
    y += 10 * unit;

    // Footer.
    const QFont footFont = pixelFont(12 * unit);
    const double footHeight = QFontMetricsF(footFont).height();
    p.setFont(footFont);
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.drawText(QRectF(area.left(), area.bottom() - footHeight, area.width(), footHeight),
               Qt::AlignRight | Qt::AlignVCenter,
               tr("Page %1 of %2").arg(pageNumber).arg(pageCount));
    p.drawText(QRectF(area.left(), area.bottom() - footHeight, area.width(), footHeight),
               Qt::AlignLeft | Qt::AlignVCenter, tr("PoolViz handout"));

    // The stage, below the heading, scaled to the space left.
    QRectF stageRect;
    if (scene.trace && !scene.trace->steps.empty()) {
        stageRect = QRectF(area.left(), y, area.width(), area.bottom() - footHeight - 8 * unit - y);
        StageView view;
        view.step = page.step;
        view.fractions = scene.fractions;
        view.planeName = scene.planeName;
        view.showCaption = true;
        const StageRenderer renderer(*scene.trace);
        renderer.paint(p, stageRect, view);
        if (page.blank) {
            // The worksheet: the grid to fill in is left blank (its lines stay), not "·" or 0.
            const StageGrid grid = backward ? StageGrid::InputGradient : StageGrid::Output;
            const Tensor &shape = backward ? scene.trace->input : scene.trace->result.values;
            for (int r = 0; r < shape.h(); ++r)
                for (int c = 0; c < shape.w(); ++c) {
                    const QRectF cell = renderer.cellRect({grid, r, c}, stageRect, view);
                    const double inset = std::max(1.5, cell.width() * 0.06);
                    p.fillRect(cell.adjusted(inset, inset, -inset, -inset), Qt::white);
                }
        }
    }
    p.restore();
    return stageRect;
}

QString Handout::write(const QString &path, const QString &lessonTitle,
                       const std::vector<HandoutScene> &scenes, HandoutKind kind)
{
    const QString name = QFileInfo(path).fileName();
    if (scenes.empty())
        return tr("Cannot write “%1”: there is no scene to print").arg(name);
    const std::vector<Page> list = pages(scenes, kind);
    if (list.size() > std::size_t(kMaxPages))
        return tr("Cannot write “%1”: the handout would have more than %2 pages; choose the "
                  "worksheet, or fewer or smaller scenes")
            .arg(name)
            .arg(kMaxPages);
    // QSaveFile renames onto the target: never onto /dev/full or a FIFO.
    if (const WriteError target = outputTargetError(QFile::encodeName(path).toStdString());
        !target.empty())
        return coreWriteText(target);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write “%1”: %2").arg(name, file.errorString());
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        pdf.setTitle(lessonTitle.isEmpty() ? tr("PoolViz handout") : lessonTitle);
        pdf.setCreator(QStringLiteral("PoolViz"));
        QPainter painter(&pdf);
        const QRectF target(0, 0, pdf.width(), pdf.height());
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0)
                pdf.newPage();
            paintPage(painter, target, lessonTitle, scenes, list[i], int(i) + 1, int(list.size()));
        }
    }
    if (!file.commit())
        return tr("Cannot write “%1”: %2").arg(name, file.errorString());
    return {};
}

} // namespace poolviz
