#include "strideexplorer.h"

#include "pool.h"
#include "pooldocument.h"
#include "variantpooler.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

constexpr int kMinTileWidth = 230;
/// The cell side the tiles ask for when the dock opens.
constexpr double kPreferredCell = 22;
/// The most height the scroll area insists on, so a large input scrolls instead of taking the
/// stage's room.
constexpr int kMaxMinimumHeight = 260;

bool sameSetting(const PoolParams &a, const PoolParams &b)
{
    PoolParams x = a, y = b;
    x.stride = x.effectiveStride();
    y.stride = y.effectiveStride();
    return x == y;
}

} // namespace

/// The tiles, laid out in as many columns as fit; hover, click and keyboard choose.
class VariantTileView : public QWidget
{
public:
    explicit VariantTileView(StrideExplorer *explorer) : QWidget(explorer), m_explorer(explorer)
    {
        setObjectName(QStringLiteral("strideTiles"));
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        setAccessibleName(StrideExplorer::tr("Stride explorer tiles"));
    }

    int columns() const
    {
        const int n = int(m_explorer->tiles().size());
        return std::clamp(width() / kMinTileWidth, 1, std::max(1, n));
    }

    /// Tile row height for tile width w with matrix cells of side `cell`: the header plus the
    /// grids (matrix) or the photo.
    int tileHeight(int w, double cell) const
    {
        const auto &tiles = m_explorer->tiles();
        double h = 0;
        for (const VariantTile &t : tiles) {
            if (!t.pooledImage.isNull()) {
                if (!t.ok())
                    continue;
                // A photo scales down (or shows its centre at 1:1), so its minimum is a strip.
                const Size2 s = t.variant.params.effectiveStride();
                const double aspect =
                    double(t.pooledImage.height() * s.h) / std::max(1, t.pooledImage.width() * s.w);
                const double image = std::min(aspect, 1.5) * (w - 28);
                h = std::max(h, (cell < kPreferredCell ? std::min(image, 80.0) : image) + 64);
            } else {
                h = std::max(
                    h, VariantTilePainter::matrixTileHeight(t, m_explorer->axis(), w - 8, cell));
            }
        }
        return std::clamp(int(std::ceil(h)) + 8, 90, 900);
    }

    /// The smallest row height: numbers still fit in every matrix cell.
    int minimumRowHeight() const
    {
        return tileHeight(width() / columns(), VariantTilePainter::kNumberCell);
    }

    /// The row height the tiles would like: cells that read well from the back of a room.
    int preferredRowHeight() const { return tileHeight(width() / columns(), kPreferredCell); }

    /// The height of one row of tiles: one row fills the visible height (never below the
    /// minimum, where the view scrolls); several rows take their preferred height each.
    int rowHeight() const
    {
        const int n = int(m_explorer->tiles().size()), cols = columns();
        const int visible = parentWidget() ? parentWidget()->height() : height();
        return n <= cols ? std::max(minimumRowHeight(), visible) : preferredRowHeight();
    }

    QRect tileRect(int index) const
    {
        const int n = int(m_explorer->tiles().size());
        if (index < 0 || index >= n)
            return {};
        const int cols = columns(), w = width() / cols, h = rowHeight();
        return QRect((index % cols) * w, (index / cols) * h, w, h).adjusted(4, 4, -4, -4);
    }

    int tileAt(const QPoint &pos) const
    {
        for (int i = 0; i < int(m_explorer->tiles().size()); ++i)
            if (tileRect(i).contains(pos))
                return i;
        return -1;
    }

    void relayout()
    {
        const int n = int(m_explorer->tiles().size());
        const int cols = columns(), rows = (n + cols - 1) / std::max(1, cols);
        setMinimumHeight(std::max(1, rows) *
                         (rows > 1 ? preferredRowHeight() : minimumRowHeight()));
        // The dock never squeezes a row below readable cells (a large input scrolls instead).
        if (auto *scroll = qobject_cast<QScrollArea *>(
                parentWidget() ? parentWidget()->parentWidget() : nullptr))
            scroll->setMinimumHeight(std::min(minimumRowHeight(), kMaxMinimumHeight));
        m_focus = std::clamp(m_focus, 0, std::max(0, n - 1));
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().window());
        p.setRenderHint(QPainter::Antialiasing, true);
        const auto &tiles = m_explorer->tiles();
        // Photo tiles share one scale: the first tile's full-resolution extent fits its tile.
        double scale = 1.0;
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const VariantTile &t = tiles[i];
            if (t.pooledImage.isNull())
                continue;
            const Size2 s = t.variant.params.effectiveStride();
            const QRect r = tileRect(int(i));
            scale = std::min(double(r.width() - 20) / (t.pooledImage.width() * s.w),
                             double(r.height() - 64) / (t.pooledImage.height() * s.h));
            break;
        }
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            const bool hovered = int(i) == m_hover || (hasFocus() && int(i) == m_focus);
            if (!tiles[i].pooledImage.isNull())
                VariantTilePainter::paintImageTile(p, tileRect(int(i)), tiles[i],
                                                   m_explorer->axis(), scale, hovered);
            else
                VariantTilePainter::paintMatrixTile(p, tileRect(int(i)), tiles[i],
                                                    m_explorer->axis(), hovered);
        }
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QWidget::resizeEvent(event);
        relayout();
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const int hover = tileAt(event->position().toPoint());
        if (hover != m_hover) {
            m_hover = hover;
            setCursor(hover >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
            update();
        }
    }

    void leaveEvent(QEvent *) override
    {
        m_hover = -1;
        update();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        const int i = tileAt(event->position().toPoint());
        if (i >= 0) {
            m_focus = i;
            m_explorer->choose(i);
        }
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        const int n = int(m_explorer->tiles().size());
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Up:
            m_focus = std::max(0, m_focus - 1);
            update();
            return;
        case Qt::Key_Right:
        case Qt::Key_Down:
            m_focus = std::min(n - 1, m_focus + 1);
            update();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            m_explorer->choose(m_focus);
            return;
        default:
            QWidget::keyPressEvent(event);
        }
    }

    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            const int i = tileAt(help->pos());
            if (i < 0) {
                QToolTip::hideText();
            } else {
                const VariantTile &t = m_explorer->tiles()[std::size_t(i)];
                QString text = VariantTilePainter::title(t, m_explorer->axis()) +
                               QLatin1Char('\n') + VariantTilePainter::summary(t);
                if (t.ok() && !t.current)
                    text += QLatin1Char('\n') + StrideExplorer::tr("Click to use this setting");
                QToolTip::showText(help->globalPos(), text, this);
            }
            return true;
        }
        return QWidget::event(event);
    }

private:
    StrideExplorer *m_explorer;
    int m_hover = -1;
    int m_focus = 0;
};

StrideExplorer::StrideExplorer(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_pooler(new VariantPooler(this))
{
    setObjectName(QStringLiteral("strideExplorer"));
    m_axisBox = new QComboBox;
    m_axisBox->setObjectName(QStringLiteral("strideAxis"));
    m_axisBox->addItem(tr("Vary the stride"), int(VariantAxis::Stride));
    m_axisBox->addItem(tr("Vary the kernel size"), int(VariantAxis::Kernel));
    m_sourceBox = new QComboBox;
    m_sourceBox->setObjectName(QStringLiteral("strideSource"));
    m_sourceBox->addItem(tr("Matrix"), int(Source::Matrix));
    m_sourceBox->addItem(tr("Photo"), int(Source::Photo));
    m_sourceBox->setToolTip(tr("Pool the matrix, or the photo of the Photo tab"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("strideStatus"));
    m_status->setWordWrap(true);

    m_view = new VariantTileView(this);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_axisBox);
    controls->addWidget(m_sourceBox);
    controls->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_scroll, 1);

    connect(m_axisBox, &QComboBox::currentIndexChanged, this,
            [this] { setAxis(VariantAxis(m_axisBox->currentData().toInt())); });
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this,
            [this] { setSource(Source(m_sourceBox->currentData().toInt())); });
    connect(document, &PoolDocument::traceChanged, this, &StrideExplorer::scheduleRecompute);
    connect(document, &PoolDocument::planeChanged, this, &StrideExplorer::scheduleRecompute);
    connect(m_pooler, &VariantPooler::finished, this, &StrideExplorer::applyPhotoTiles);
    recompute();
}

void StrideExplorer::setAxis(VariantAxis axis)
{
    m_axisBox->setCurrentIndex(m_axisBox->findData(int(axis)));
    if (axis == m_axis)
        return;
    m_axis = axis;
    recompute();
}

void StrideExplorer::setSource(Source source)
{
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(int(source)));
    if (source == m_source)
        return;
    m_source = source;
    recompute();
}

void StrideExplorer::setPhoto(std::shared_ptr<const Tensor> photo, const QString &name,
                              PoolDocument *params)
{
    m_photo = std::move(photo);
    m_photoName = name;
    if (params != m_photoParams) {
        if (m_photoParams)
            disconnect(m_photoParams, nullptr, this, nullptr);
        m_photoParams = params;
        if (params)
            connect(params, &PoolDocument::paramsChanged, this, &StrideExplorer::scheduleRecompute);
    }
    if (m_source == Source::Photo)
        scheduleRecompute();
}

bool StrideExplorer::isPooling() const
{
    return m_pooler->isBusy();
}

QRect StrideExplorer::tileRect(int index) const
{
    return m_view->tileRect(index);
}

int StrideExplorer::preferredHeight() const
{
    const QMargins m = layout()->contentsMargins();
    const int controls = std::max({m_axisBox->sizeHint().height(), m_sourceBox->sizeHint().height(),
                                   m_status->sizeHint().height()});
    const int n = int(m_tiles.size()), cols = m_view->columns();
    const int rows = std::max(1, (n + cols - 1) / std::max(1, cols));
    return m.top() + controls + layout()->spacing() + rows * m_view->preferredRowHeight() +
           m.bottom();
}

QWidget *StrideExplorer::tileView() const
{
    return m_view;
}

PoolDocument *StrideExplorer::target() const
{
    return m_source == Source::Photo && m_photoParams ? m_photoParams : m_document;
}

bool StrideExplorer::choose(int index)
{
    if (index < 0 || index >= int(m_tiles.size()))
        return false;
    const VariantTile &tile = m_tiles[std::size_t(index)];
    if (!tile.ok() || tile.current)
        return false;
    target()->closeMergeWindow();
    target()->setParams(
        tile.variant.params,
        tr("Choose %1 in the stride explorer").arg(VariantTilePainter::title(tile, m_axis)));
    return true;
}

void StrideExplorer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        recompute();
}

void StrideExplorer::scheduleRecompute()
{
    // Photos are pooled once per visible change, not for every parameter step while hidden.
    m_dirty = true;
    if (isVisible() || m_source == Source::Matrix)
        recompute();
}

void StrideExplorer::recompute()
{
    m_dirty = false;
    m_tiles.clear();
    m_pooler->cancel(); // whatever it pools now is stale
    const PoolParams params = target()->params();
    const bool photo = m_source == Source::Photo;
    if (photo && (!m_photo || m_photo->empty())) {
        m_status->setText(tr("Open a photo in the Photo tab (the stripes test pattern shows "
                             "aliasing best)."));
    } else if (params.isAdaptive()) {
        m_status->setText(tr("Adaptive and global pooling choose their own windows: there is no "
                             "stride to vary."));
    } else if (photo) {
        m_pooler->start({m_photo, params, m_axis});
        m_status->setText(tr("Pooling %1 at each setting…").arg(m_photoName));
    } else {
        const Tensor input = m_document->inputPlane();
        for (const PoolingVariant &v : poolingVariants(params, input.h(), input.w(), m_axis)) {
            VariantTile tile;
            tile.variant = v;
            tile.current = sameSetting(v.params, params);
            if (v.ok()) {
                try {
                    tile.pooled = forward(input, v.params, false).values;
                } catch (const std::exception &e) {
                    tile.variant.errors = errorMessages(e);
                }
            }
            m_tiles.push_back(std::move(tile));
        }
        setStatusText();
    }
    m_view->relayout();
    emit tilesChanged();
}

void StrideExplorer::applyPhotoTiles(const VariantResult &result)
{
    // Only the latest job delivers; it was started for the parameters and photo shown now.
    if (m_source != Source::Photo || result.request.input != m_photo)
        return;
    const PoolParams params = target()->params();
    m_tiles = result.tiles;
    for (VariantTile &tile : m_tiles)
        tile.current = sameSetting(tile.variant.params, params);
    setStatusText();
    m_view->relayout();
    emit tilesChanged();
}

void StrideExplorer::setStatusText()
{
    const PoolParams params = target()->params();
    const Size2 k = params.kernel;
    m_status->setText(
        m_source == Source::Photo
            ? tr("%1 pooled with %2 %3×%4 at each setting")
                  .arg(m_photoName, QString::fromStdString(modeName(params.mode)))
                  .arg(k.h)
                  .arg(k.w)
            : (m_axis == VariantAxis::Stride
                   ? tr("Kernel %1×%2 at stride 1 to %3: where windows overlap and which "
                        "cells no window reads")
                         .arg(k.h)
                         .arg(k.w)
                         .arg(std::max(k.h, k.w) + 1)
                   : tr("Kernel 1 to %1 at the current stride").arg(std::max(k.h, k.w) + 1)));
}

} // namespace poolviz
