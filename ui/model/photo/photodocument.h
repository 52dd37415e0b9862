#pragma once

#include "imageio.h"
#include "photopooler.h"
#include "photosettings.h"
#include "poolparams.h"
#include "tensor.h"

#include <QImage>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>

#include <memory>

class QTimer;

namespace poolviz {

class PhotoCamera;
class PoolDocument;

/// Which picture an export takes.
enum class PhotoLayer
{
    Pooled,    ///< setting A at the level shown
    Compared,  ///< setting B at the level shown
    Difference ///< |A − B| at the level shown
};

/// "rows×columns", the order PyTorch and the worked examples print shapes in.
QString photoSizeText(int h, int w);
/// "C×H×W" for several channels, "H×W" for one.
QString photoShapeText(const Tensor &t);

/// The compare form: setting B is A with this mode, square kernel and stride.
struct PhotoCompare
{
    PoolMode mode = PoolMode::Avg;
    int kernel = 2; ///< 1–64
    int stride = 2; ///< 1–64

    friend bool operator==(const PhotoCompare &, const PhotoCompare &) = default;
};

/// The Photo tab's state, without widgets: the photo (opened, pasted or dropped) and its channel
/// choice, setting A (the tab's own parameters, or the matrix tab's while linked()), setting B
/// and the pyramid levels, the pooling jobs (off the GUI thread, latest wins, cancellable), the
/// last complete result, the shared zoom and pan (camera()), and the sliding window on a ≤16×16
/// crop, whose trace is windowDocument()'s. Every change emits a signal the Photo tab's widgets
/// observe; none of them pools anything itself.
class PhotoDocument : public QObject
{
    Q_OBJECT

public:
    /// The crop of the sliding window is 2…maxCropSize pixels a side (default 8).
    static constexpr int maxCropSize = 16;
    static constexpr int defaultCropSize = 8;
    /// The pyramid has 1…maxLevels levels.
    static constexpr int maxLevels = 8;

    /// A photo document beside the matrix tab's `matrix` (not owned, may be null in tests of
    /// the photo alone): linked() makes A the matrix's parameters, and sendCropToMatrix() makes
    /// a crop the matrix's input there. Starts unlinked with PyTorch's default 2×2 max pooling.
    explicit PhotoDocument(PoolDocument *matrix, QObject *parent = nullptr);
    ~PhotoDocument() override;

    // --- loading --------------------------------------------------------------------------------
    /// Loads the photo at `path` with the current channel choice and size limit. On failure
    /// message() says why and the current photo stays. In Colour, a photo with only gray pixels
    /// becomes one gray plane (not three equal ones). A file outside the bundled samples goes
    /// to the recent files.
    bool openImage(const QString &path);
    /// Uses an in-memory image (paste, drop); `name` labels it. Same failure rule.
    bool setImage(const QImage &image, const QString &name);
    /// The bundled sample photos: the image files in dataPath("photos"), sorted by name.
    static QStringList samplePhotos();
    /// The sample a first start shows (the colour lake), empty if none is bundled.
    static QString firstSample();

    /// How the photo becomes planes (Colour: the photo's own, so 1 plane for a gray photo, 3 or
    /// 4 otherwise); changing it reloads the photo.
    ChannelMode channelMode() const { return m_channelMode; }
    void setChannelMode(ChannelMode mode);
    /// Colour only: keep the alpha channel as a fourth plane; reloads.
    bool keepAlpha() const { return m_keepAlpha; }
    void setKeepAlpha(bool keep);
    /// Photos larger than this are refused before they are decoded (kept in the settings).
    double maxMegapixels() const { return m_settings.maxMegapixels(); }
    void setMaxMegapixels(double megapixels);
    /// How many threads pool photos: 0 for every core (kept in the settings).
    int threads() const { return m_settings.threads(); }
    void setThreads(int threads);
    /// The persistent photo settings (recent files, limit, threads, export choices).
    PhotoSettings &settings() { return m_settings; }

    bool hasInput() const { return bool(m_input); }
    /// The photo as a (1, C, H, W) tensor of 0–255 values (empty without a photo).
    const Tensor &input() const;
    /// The photo as an image (null without a photo).
    const QImage &inputImage() const { return m_inputImage; }
    /// The photo's shared tensor, for views that keep it.
    std::shared_ptr<const Tensor> sharedInput() const { return m_input; }
    /// The photo's name (file name or the name given to setImage).
    QString inputName() const { return m_inputName; }
    /// The file the photo came from, empty for a pasted or dropped image.
    QString inputPath() const { return m_sourcePath; }
    /// The channel names of the input ("R", "G", "B", "A" or "gray").
    QStringList channelNames() const { return m_channels; }
    /// What the loader could not do faithfully for the current photo (a damaged file it filled
    /// in, 16-bit channels read as 8 bits), one sentence each; empty for a sound photo.
    QStringList warnings() const { return m_warnings; }

    /// The latest error or confirmation for the user, empty if none.
    QString message() const { return m_message; }
    /// Whether message() reports a failure.
    bool messageIsError() const { return m_messageIsError; }
    /// Shows `message` (an export's outcome, say) as messageChanged().
    void setMessage(const QString &message, bool error);

    // --- parameters -----------------------------------------------------------------------------
    /// Setting A: the matrix tab's parameters while linked(), else the tab's own.
    PoolParams paramsA() const;
    /// Setting B: A with compare()'s mode, kernel and stride.
    PoolParams paramsB() const;
    /// The Photo tab's own parameters and its sliding window: a PoolDocument whose params() are
    /// setting A (undoable on its own stack) and whose input is the window's crop, traced on
    /// windowChannel(). While linked() its parameters follow the matrix tab's.
    PoolDocument *windowDocument() const { return m_window; }
    /// The document the parameter panel edits for this tab: the matrix's while linked, else
    /// windowDocument().
    PoolDocument *parametersDocument() const;
    /// "Use the matrix tab's parameters": A is then the matrix's, and editing either edits both.
    /// Turning it off keeps the values A had, as the tab's own.
    bool linked() const { return m_linked; }
    void setLinked(bool linked);

    /// How many times the pooling is applied (1–maxLevels).
    int levels() const { return m_levels; }
    void setLevels(int levels);
    /// The pyramid level shown and exported (1-based, clamped to the levels computed).
    int shownLevel() const { return m_shownLevel; }
    void setShownLevel(int level);
    /// How many levels can be shown now: the computed ones, at least 1.
    int levelChoices() const;
    /// Whether setting B and |A − B| are computed and shown.
    bool isComparing() const { return m_comparing; }
    void setComparing(bool compare);
    /// The compare form.
    PhotoCompare compare() const { return m_compare; }
    void setCompare(const PhotoCompare &compare);
    /// Sets the compare form: B's mode, square kernel and stride.
    void setCompareSettings(PoolMode mode, int kernel, int stride);

    // --- pooling --------------------------------------------------------------------------------
    /// True while a pooling job runs or is about to start.
    bool isPooling() const;
    /// Cancels the running job; the last complete result stays.
    void cancelPooling();
    /// The last complete result (null before the first).
    const PhotoResult *result() const { return m_result.get(); }
    /// The summary of the most different pixel ("Largest difference 87 at row 12, column 40
    /// (channel R): max 201 vs avg 114"), empty when not comparing.
    QString differenceSummary() const;
    /// The level of `layer` shown now, or null.
    const PhotoLevel *levelOf(PhotoLayer layer) const;
    /// The values of `layer` at the level shown, or null.
    const Tensor *valuesOf(PhotoLayer layer) const;

    // --- view -----------------------------------------------------------------------------------
    /// The zoom and pan all photo views share.
    PhotoCamera *camera() const { return m_camera; }

    // --- sliding window -------------------------------------------------------------------------
    /// The crop size of the sliding window, 2–maxCropSize pixels a side (default 8).
    int cropSize() const { return m_cropSize; }
    void setCropSize(int pixels);
    /// The channel the sliding window and "send crop" use (index into channelNames()).
    int windowChannel() const { return m_windowChannel; }
    void setWindowChannel(int channel);
    /// True when A's windows on a crop that starts on the stride grid are the photo's windows
    /// (no padding, not adaptive).
    bool cropIsAligned() const;
    /// The cropSize()² crop around the camera's centre, aligned to the stride when
    /// cropIsAligned().
    QRect cropAroundCentre() const;
    /// The crop of the sliding window (x = column, y = row), empty while it is closed.
    QRect windowCrop() const { return m_crop; }
    /// Opens the sliding window on `crop` (clamped to the photo): windowDocument() then traces
    /// it. False (with message()) without a photo or when A cannot pool the crop.
    bool setWindowCrop(const QRect &crop);
    /// Closes the sliding window.
    void closeWindow();
    /// Why the sliding window cannot run, empty when it can.
    QString windowError() const { return m_windowError; }
    /// Sends the crop (the window's, else the one around the centre) of windowChannel() to the
    /// matrix tab as one undo step there (CropToMatrixCommand). False without a photo.
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
    QStringList valueFiles(const QString &path) const;
    /// A file name (no suffix) for `layer`: photo, parameters and level ("lake-max2x2s2").
    QString suggestedName(PhotoLayer layer) const;
    /// The image formats exportImage writes here, as (suffixes, label).
    static QList<QPair<QStringList, QString>> exportFormats();

signals:
    /// A new photo (or a new channel choice of it) is the input.
    void inputChanged();
    /// paramsA() changed (edited, or by the link).
    void paramsChanged();
    /// linked() changed.
    void linkedChanged(bool linked);
    /// levels(), shownLevel(), isComparing() or compare() changed.
    void settingsChanged();
    /// A pooling job started.
    void poolingStarted(quint64 generation);
    /// The running job's progress, 0–1000.
    void progressChanged(int permille);
    /// isPooling() became false (done or cancelled).
    void poolingStopped();
    /// A complete, current result replaced result().
    void resultApplied(quint64 generation);
    /// message() changed.
    void messageChanged(const QString &message, bool error);
    /// windowCrop() (or its trace's channel) changed; empty when the window closed.
    void windowChanged(const QRect &crop);
    /// A crop became the matrix tab's input, described by `description`.
    void cropSentToMatrix(const QString &description);

private:
    bool applyLoaded(const LoadedImage &loaded, const QString &name, const QString &path,
                     const QImage &source);
    bool reload();
    LoadedImage decode(const QString &path, const QImage &image) const;
    ImageLoadOptions loadOptions() const;
    void schedulePooling();
    void startPooling();
    void applyResult(const PhotoResult &result);
    void followMatrixParams();
    Tensor cropTensor(const QRect &crop) const;
    bool retrace();

    PoolDocument *m_matrix = nullptr;
    PoolDocument *m_window = nullptr;
    PhotoSettings m_settings;
    PhotoPooler *m_pooler = nullptr;
    PhotoCamera *m_camera = nullptr;
    QTimer *m_poolTimer = nullptr;

    std::shared_ptr<const Tensor> m_input;
    QImage m_inputImage;
    QString m_inputName;
    QString m_sourcePath; ///< reloaded when the channel choice changes
    QImage m_sourceImage; ///< same, for pasted and dropped images
    QStringList m_channels;
    QStringList m_warnings;
    ChannelMode m_channelMode = ChannelMode::Color;
    bool m_keepAlpha = false;
    QString m_message;
    bool m_messageIsError = false;

    bool m_linked = false;
    int m_levels = 1;
    int m_shownLevel = 1;
    bool m_comparing = false;
    PhotoCompare m_compare;
    std::shared_ptr<const PhotoResult> m_result;

    int m_cropSize = defaultCropSize;
    int m_windowChannel = 0;
    QRect m_crop;
    QString m_windowError;
};

} // namespace poolviz
