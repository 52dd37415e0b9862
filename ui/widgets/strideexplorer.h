#pragma once

#include "coverage.h"
#include "varianttiles.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QScrollArea;

namespace poolviz {

class PoolDocument;
class VariantPooler;
struct VariantResult;
class VariantTileView;

/// The stride explorer: small multiples of the current input pooled at stride 1, 2, …, k + 1
/// (or kernel 1 … k + 1), each with its output size, its coverage map (how many windows read
/// each input cell; 0 hatched) and its pooled output; on a photo, the pooled photos side by side.
/// Clicking a tile (or Enter on the focused one) makes its setting the document's, one undo
/// step. Every number comes from core (poolingVariants, forward). Photo tiles are pooled off
/// the GUI thread (VariantPooler): a change of photo or parameters starts a new job and drops
/// the running one's result.
class StrideExplorer : public QWidget
{
    Q_OBJECT

public:
    /// What the tiles pool: the matrix document's input plane or the Photo tab's photo.
    enum class Source
    {
        Matrix,
        Photo
    };

    explicit StrideExplorer(PoolDocument *document, QWidget *parent = nullptr);

    VariantAxis axis() const { return m_axis; }
    void setAxis(VariantAxis axis);
    Source source() const { return m_source; }
    void setSource(Source source);
    /// The photo for Source::Photo: a (1, C, H, W) tensor of 0–255 values (null or empty: none
    /// yet), pooled with `params`' parameters (the Photo tab's own document; null: the matrix
    /// document's), which a chosen tile then sets.
    void setPhoto(std::shared_ptr<const Tensor> photo, const QString &name,
                  PoolDocument *params = nullptr);
    /// True while the photo tiles are being pooled (tiles() is empty until they arrive).
    bool isPooling() const;

    /// The tiles shown now, in order.
    const std::vector<VariantTile> &tiles() const { return m_tiles; }
    /// Where tile `index` is drawn, in tileView() coordinates (empty if there is no such tile).
    QRect tileRect(int index) const;
    /// The height the explorer would like, for its dock to open at: one row of tiles (or each
    /// row) with cells that read from the back of a room.
    int preferredHeight() const;
    /// The widget the tiles are painted on (clicks and keys go there).
    QWidget *tileView() const;
    /// Makes tile `index`'s setting the document's, as one undo step; false when the tile's
    /// setting is impossible or already the current one.
    bool choose(int index);

signals:
    /// The tiles were recomputed.
    void tilesChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void scheduleRecompute();
    void applyPhotoTiles(const VariantResult &result);
    void setStatusText();
    /// The document whose parameters the tiles vary and a chosen tile sets.
    PoolDocument *target() const;

    PoolDocument *m_document;
    VariantAxis m_axis = VariantAxis::Stride;
    Source m_source = Source::Matrix;
    std::shared_ptr<const Tensor> m_photo;
    VariantPooler *m_pooler = nullptr;
    QString m_photoName;
    PoolDocument *m_photoParams = nullptr;
    std::vector<VariantTile> m_tiles;
    bool m_dirty = true;
    QComboBox *m_axisBox = nullptr;
    QComboBox *m_sourceBox = nullptr;
    QLabel *m_status = nullptr;
    QScrollArea *m_scroll = nullptr;
    VariantTileView *m_view = nullptr;
};

} // namespace poolviz
