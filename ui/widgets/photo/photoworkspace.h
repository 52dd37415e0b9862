#pragma once

#include "imageio.h"
#include "photoparamsource.h"
#include "photopooler.h"
#include "photoview.h"
#include "poolparams.h"
#include "tensor.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTimer;
class QToolButton;

namespace poolviz {

class PhotoCamera;
class PhotoSettings;
class PhotoStage;
class PyramidStrip;

/// Which picture an export takes.
enum class PhotoLayer
{
    Pooled,    ///< setting A at the level shown
    Compared,  ///< setting B at the level shown
    Difference ///< |A − B| at the level shown
};

/// The Photo tab: a photo (opened, dropped, pasted or bundled) pooled at full resolution with the
/// window's parameters (setting A), off the GUI thread. Original and pooled image side by side
/// with one zoom and pan; from 24 screen pixels per pixel each pixel shows its values. Optional:
/// repeated pooling (a pyramid, each level viewable), a second setting B with |A − B| and the
/// most different pixel, the sliding window on a ≤16×16 crop, and export of the pooled image
/// (PNG, JPEG, WebP, TIFF, BMP, upscaled ×N), its values (CSV, .npy) and the difference.
class PhotoWorkspace : public QWidget
{
    Q_OBJECT

public:
    /// A workspace pooled with `source`'s parameters; takes ownership of `source`.
    explicit PhotoWorkspace(PhotoParamSource *source, QWidget *parent = nullptr);
    /// A workspace following `document` (PoolDocument): its params() are setting A, and "send
    /// crop to matrix" calls its setInput().
    template <PhotoDocument Doc>
    explicit PhotoWorkspace(Doc *document, QWidget *parent = nullptr)
        : PhotoWorkspace(static_cast<PhotoParamSource *>(new DocumentParamSource<Doc>(document)),
                         parent)
    {
    }
    ~PhotoWorkspace() override;

    // --- loading --------------------------------------------------------------------------------
    /// Loads the photo at `path` with the current channel choice and size limit. On failure
    /// shows why (message()) and keeps the current photo. In Colour, a photo with only gray
    /// pixels becomes one gray plane (not three equal ones).
    bool openImage(const QString &path);
    /// Uses an in-memory image (paste, drop); `name` labels it. Same failure rule.
    bool setImage(const QImage &image, const QString &name);
    /// Pastes an image (or an image file's URL) from the clipboard.
    bool paste();
    /// The bundled sample photos: the image files in dataPath("photos"), sorted by name.
    static QStringList samplePhotos();
    /// Open…, Recent photos, Paste, Export ▸ (pooled image, values, B, difference): for the
    /// window's File menu.
    QList<QAction *> fileActions() const;

    /// How the photo becomes planes (Colour: the photo's own, so 1 plane for a gray photo, 3 or
    /// 4 otherwise); changing it reloads the photo.
    ChannelMode channelMode() const { return m_channelMode; }
    void setChannelMode(ChannelMode mode);
    /// Colour only: keep the alpha channel as a fourth plane; reloads.
    bool keepAlpha() const { return m_keepAlpha; }
    void setKeepAlpha(bool keep);
    /// Photos larger than this are refused before they are decoded (saved in the settings).
    double maxMegapixels() const;
    void setMaxMegapixels(double megapixels);

    bool hasInput() const { return bool(m_input); }
    /// The photo as a (1, C, H, W) tensor of 0–255 values (empty without a photo).
    const Tensor &input() const;
    /// The photo's name (file name or the name given to setImage).
    QString inputName() const { return m_inputName; }
    /// The channel names of the input ("R", "G", "B", "A" or "gray").
    QStringList channelNames() const { return m_channels; }
    /// The message shown above the views (errors and confirmations), empty if none.
    QString message() const { return m_message; }

    // --- pooling --------------------------------------------------------------------------------
    /// Setting A: the window's parameters.
    PoolParams paramsA() const;
    /// Setting B: A with the compare form's mode, kernel and stride.
    PoolParams paramsB() const;
    /// How many times the pooling is applied (1–8).
    int levels() const;
    void setLevels(int levels);
    /// The pyramid level shown and exported (1-based, at most the levels computed).
    int shownLevel() const;
    void setShownLevel(int level);
    /// Whether setting B and |A − B| are computed and shown.
    bool isComparing() const;
    void setComparing(bool compare);
    /// Sets the compare form: B's mode, square kernel and stride.
    void setCompareSettings(PoolMode mode, int kernel, int stride);
    /// True while a pooling job runs or is about to start.
    bool isPooling() const;
    /// How long a job runs before the progress bar and Cancel appear (300 ms by default), so
    /// quick jobs never flash them.
    void setProgressDelay(int ms);
    /// The last result applied to the views (null before the first).
    const PhotoResult *result() const { return m_result.get(); }
    /// The summary of the most different pixel ("Largest difference 87 at row 12, column 40
    /// (channel R): max 201 vs avg 114"), empty when not comparing.
    QString differenceSummary() const;
    /// Centres the views on the most different pixel and zooms in until its values show.
    void showLargestDifference();

    // --- views ----------------------------------------------------------------------------------
    PhotoCamera *camera() const { return m_camera; }
    PhotoView *originalView() const { return m_originalView; }
    /// Every pyramid level side by side (shown with two or more levels).
    PyramidStrip *pyramidStrip() const { return m_pyramid; }
    PhotoView *pooledView() const { return m_pooledView; }
    PhotoView *comparedView() const { return m_comparedView; }
    PhotoView *differenceView() const { return m_differenceView; }
    /// Fits the whole photo into the original view.
    void fitToView();
    /// One screen pixel per photo pixel.
    void zoomActual();

    // --- sliding window -------------------------------------------------------------------------
    /// Runs the sliding window of setting A on the ≤16×16 crop around the centre of the views
    /// (channel windowChannel()), shows it in the panel below the views and zooms to the crop.
    /// Returns false (with message()) when there is no photo or A cannot pool the crop.
    bool showSlidingWindow();
    /// Runs the sliding window on the crop around photo pixel `pixel` (x = column, y = row):
    /// what a click on the original picture does. False as showSlidingWindow().
    bool placeCrop(const QPoint &pixel);
    /// The crop of the sliding window (x = column, y = row), empty when the panel is closed.
    QRect windowCrop() const { return m_stageCrop; }
    /// The cropSize()² crop around the views' centre, aligned to the stride when the windows of the
    /// crop then equal the photo's windows.
    QRect cropAroundCentre() const;
    /// The panel with the sliding window.
    PhotoStage *stage() const { return m_stage; }
    /// The crop size of the sliding window, 2–16 pixels a side (default 8).
    int cropSize() const;
    void setCropSize(int pixels);
    /// The channel the sliding window and "send crop" use (index into channelNames()).
    int windowChannel() const;
    void setWindowChannel(int channel);
    /// Sends the crop (the sliding window's, else the one around the centre) of windowChannel()
    /// to the matrix tab. False without a photo.
    bool sendCropToMatrix();

    // --- export ---------------------------------------------------------------------------------
    /// Writes the picture of `layer` to `path` (format from the suffix: png, jpg/jpeg, webp,
    /// tif/tiff, bmp), upscaled ×`scale` nearest-neighbour, with `quality` (−1: default) for
    /// JPEG/WebP. Atomic. Returns an error message naming the problem, empty on success.
    QString exportImage(const QString &path, PhotoLayer layer, int scale = 1,
                        int quality = -1) const;
    /// Writes the values of `layer` (not rounded) as .npy (all channels: (C, h, w), or (h, w) for
    /// one) or as CSV (one file; with several channels one file per channel, named
    /// base-R.csv …). Atomic. Returns an error message, empty on success.
    QString exportValues(const QString &path, PhotoLayer layer) const;
    /// The files exportValues(path, layer) writes.
    QStringList valueFiles(const QString &path, PhotoLayer layer) const;

signals:
    /// A new photo (or a new channel choice of it) is shown.
    void inputChanged();
    /// A pooling job started.
    void poolingStarted(quint64 generation);
    /// A complete, current result replaced the shown one.
    void resultApplied(quint64 generation);
    /// message() changed.
    void messageChanged(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QWidget *createControls();
    void updateActions();
    void updateRecentMenu();

    bool applyLoaded(const LoadedImage &loaded, const QString &name, const QString &path,
                     const QImage &source);
    bool reload();
    LoadedImage decode(const QString &path, const QImage &image) const;
    ImageLoadOptions loadOptions() const;
    void setMessage(const QString &message, bool error);

    void schedulePooling();
    void startPooling();
    void applyResult(const PhotoResult &result);
    void showProgress();
    void refreshViews();
    void refreshParamsLabel();
    void updateLevelChoices();

    void openDialog();
    void exportImageDialog(PhotoLayer layer);
    void exportValuesDialog(PhotoLayer layer);
    const PhotoLevel *levelOf(PhotoLayer layer) const;
    QString suggestedName(PhotoLayer layer) const;

    Tensor cropTensor(const QRect &crop) const;
    bool cropIsAligned() const;
    void rebuildTrace(bool keepStep);
    void closeStage();
    void updateMarks();
    QRectF windowScene() const;

    PhotoParamSource *m_source = nullptr;
    std::unique_ptr<PhotoSettings> m_settings;
    PhotoPooler *m_pooler = nullptr;
    PhotoCamera *m_camera = nullptr;

    // input
    std::shared_ptr<const Tensor> m_input;
    QImage m_inputImage;
    QString m_inputName;
    QString m_sourcePath; ///< reloaded when the channel choice changes
    QImage m_sourceImage; ///< same, for pasted and dropped images
    QStringList m_channels;
    ChannelMode m_channelMode = ChannelMode::Color;
    bool m_keepAlpha = false;
    bool m_triedSample = false;
    bool m_fitMode = false; ///< the photo is fitted: refit when the views resize
    bool m_fitting = false;
    QString m_message;

    // result
    std::shared_ptr<const PhotoResult> m_result;
    QTimer *m_poolTimer = nullptr;
    QTimer *m_progressTimer = nullptr;

    // sliding window
    QRect m_stageCrop;

    // widgets
    PhotoView *m_originalView = nullptr;
    PhotoView *m_pooledView = nullptr;
    PhotoView *m_comparedView = nullptr;
    PhotoView *m_differenceView = nullptr;
    QGridLayout *m_viewGrid = nullptr;
    QSplitter *m_splitter = nullptr;
    PhotoStage *m_stage = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_paramsLabel = nullptr;
    QLabel *m_hoverLabel = nullptr;
    QLabel *m_differenceLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    PyramidStrip *m_pyramid = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QComboBox *m_sampleCombo = nullptr;
    QComboBox *m_channelCombo = nullptr;
    QCheckBox *m_alphaCheck = nullptr;
    QDoubleSpinBox *m_limitSpin = nullptr;
    QSpinBox *m_levelsSpin = nullptr;
    QComboBox *m_levelCombo = nullptr;
    QCheckBox *m_compareCheck = nullptr;
    QComboBox *m_bModeCombo = nullptr;
    QSpinBox *m_bKernelSpin = nullptr;
    QSpinBox *m_bStrideSpin = nullptr;
    QSpinBox *m_cropSpin = nullptr;
    QComboBox *m_windowChannelCombo = nullptr;
    QPushButton *m_windowButton = nullptr;
    QToolButton *m_exportButton = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_recentAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_exportAction = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_exportPooledImage = nullptr;
    QAction *m_exportPooledValues = nullptr;
    QAction *m_exportComparedImage = nullptr;
    QAction *m_exportDifferenceImage = nullptr;
    QAction *m_exportDifferenceValues = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_actualAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_windowAction = nullptr;
    QAction *m_sendAction = nullptr;
};

} // namespace poolviz
