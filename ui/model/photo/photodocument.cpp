// PhotoDocument: loading the photo, its parameters (A, B, levels) and the pooling jobs. The
// sliding window lives in photodocumentwindow.cpp, the exports in photodocumentexport.cpp.

#include "photodocument.h"

#include "datadir.h"
#include "numbertext.h"
#include "photocamera.h"
#include "pool.h"
#include "pooldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

const Tensor kEmptyTensor;

QString modeLabel(PoolMode mode)
{
    return QString::fromStdString(modeName(mode));
}

QStringList channelNamesFor(ChannelMode mode, int planes)
{
    switch (mode) {
    case ChannelMode::Color:
        return planes >= 4 ? QStringList{"R", "G", "B", "A"}
                           : (planes == 1 ? QStringList{"gray"} : QStringList{"R", "G", "B"});
    case ChannelMode::Grayscale:
        return {"gray"};
    case ChannelMode::Red:
        return {"R"};
    case ChannelMode::Green:
        return {"G"};
    case ChannelMode::Blue:
        return {"B"};
    case ChannelMode::Alpha:
        return {"A"};
    }
    return {};
}

/// Why a JPEG file is truncated, or nothing. Qt's JPEG reader decodes a truncated file with only
/// a warning and fills the missing rows with grey, so this looks at the bytes: in JPEG scan data
/// every 0xFF byte is followed by 0x00 or a restart marker, so a complete file has its end marker
/// FF D9 after its last start-of-scan marker FF DA, and a truncated one has not.
QString jpegTruncation(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.peek(3) != QByteArray("\xFF\xD8\xFF", 3))
        return {};
    const QByteArray bytes = file.readAll();
    const qsizetype scan = bytes.lastIndexOf(QByteArray("\xFF\xDA", 2));
    if (scan >= 0 && bytes.indexOf(QByteArray("\xFF\xD9", 2), scan + 2) >= 0)
        return {};
    return PhotoDocument::tr("cannot read image \"%1\": the JPEG data stops before its end "
                             "marker (the file is truncated)")
        .arg(QDir::toNativeSeparators(path));
}

} // namespace

QString photoSizeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

QString photoShapeText(const Tensor &t)
{
    return t.planeCount() > 1
               ? QStringLiteral("%1×%2").arg(t.planeCount()).arg(photoSizeText(t.h(), t.w()))
               : photoSizeText(t.h(), t.w());
}

// --- construction -------------------------------------------------------------------------------

PhotoDocument::PhotoDocument(PoolDocument *matrix, QObject *parent)
    : QObject(parent), m_matrix(matrix), m_window(new PoolDocument(this)),
      m_pooler(new PhotoPooler(this)), m_camera(new PhotoCamera(this)),
      m_poolTimer(new QTimer(this))
{
    m_poolTimer->setSingleShot(true);
    m_poolTimer->setInterval(0);
    setThreadCount(m_settings.threads());
    connect(m_poolTimer, &QTimer::timeout, this, &PhotoDocument::startPooling);
    connect(m_pooler, &PhotoPooler::progressChanged, this, &PhotoDocument::progressChanged);
    connect(m_pooler, &PhotoPooler::finished, this, &PhotoDocument::applyResult);
    connect(m_pooler, &PhotoPooler::busyChanged, this, [this](bool busy) {
        if (!busy && !m_poolTimer->isActive())
            emit poolingStopped();
    });
    // Setting A is the window document's parameters (its own, or the matrix's while linked).
    connect(m_window, &PoolDocument::paramsChanged, this, [this] {
        emit paramsChanged();
        schedulePooling();
    });
    connect(m_window, &PoolDocument::traceChanged, this,
            [this] { m_windowError = m_window->trace() ? QString() : m_window->traceError(); });
    if (m_matrix)
        connect(m_matrix, &PoolDocument::paramsChanged, this, &PhotoDocument::followMatrixParams);
}

PhotoDocument::~PhotoDocument()
{
    // The pooler is a child destroyed after this body: its last signals (a cancelled job) must
    // not reach this half-destroyed document.
    m_pooler->disconnect(this);
}

// --- loading ------------------------------------------------------------------------------------

QStringList PhotoDocument::samplePhotos()
{
    QStringList samples;
    const QString folder = dataPath(QStringLiteral("photos"));
    if (folder.isEmpty())
        return samples;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        if (!name.endsWith(QLatin1String(".txt")))
            samples << dir.filePath(name);
    return samples;
}

QString PhotoDocument::firstSample()
{
    const QStringList samples = samplePhotos();
    for (const QString &s : samples)
        if (s.contains(QLatin1String("lake")))
            return s; // the colour one: the best first impression
    return samples.value(0);
}

ImageLoadOptions PhotoDocument::loadOptions() const
{
    ImageLoadOptions options;
    options.channels = m_channelMode;
    options.keepAlpha = m_keepAlpha;
    options.maxPixels = qint64(std::llround(maxMegapixels() * 1e6));
    return options;
}

void PhotoDocument::setMaxMegapixels(double megapixels)
{
    m_settings.setMaxMegapixels(megapixels);
}

void PhotoDocument::setThreads(int threads)
{
    m_settings.setThreads(threads);
    setThreadCount(m_settings.threads());
}

bool PhotoDocument::openImage(const QString &path)
{
    if (const QString special = specialFileProblem(path); !special.isEmpty()) {
        setMessage(QStringLiteral("cannot read image \"%1\": %2")
                       .arg(QDir::toNativeSeparators(path), special),
                   true);
        return false;
    }
    if (const QString truncated = jpegTruncation(path); !truncated.isEmpty()) {
        setMessage(truncated, true);
        return false;
    }
    const LoadedImage loaded = decode(path, QImage());
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    // The bundled samples are always a click away: they stay out of Recent and the last folder.
    const QString samples = dataPath(QStringLiteral("photos"));
    const bool bundled = !samples.isEmpty() &&
                         QFileInfo(path).canonicalPath() == QFileInfo(samples).canonicalFilePath();
    if (!bundled) {
        m_settings.addRecentFile(path);
        m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    }
    return applyLoaded(loaded, QFileInfo(path).fileName(), path, QImage());
}

bool PhotoDocument::setImage(const QImage &image, const QString &name)
{
    if (image.isNull()) {
        setMessage(tr("“%1” holds no image.").arg(name), true);
        return false;
    }
    const LoadedImage loaded = decode(QString(), image);
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    return applyLoaded(loaded, name, QString(), image);
}

LoadedImage PhotoDocument::decode(const QString &path, const QImage &image) const
{
    auto load = [&](const ImageLoadOptions &options) {
        return path.isEmpty() ? imageToTensor(image, options) : loadImage(path, options);
    };
    LoadedImage loaded = load(loadOptions());
    // Colour means the photo's own colours: a photo with only gray pixels (R = G = B) becomes
    // one gray plane rather than three equal ones.
    if (loaded.ok() && m_channelMode == ChannelMode::Color && loaded.grayscaleSource &&
        !(m_keepAlpha && loaded.alphaSource)) {
        ImageLoadOptions options = loadOptions();
        options.channels = ChannelMode::Grayscale;
        LoadedImage gray = load(options);
        if (gray.ok())
            return gray;
    }
    return loaded;
}

bool PhotoDocument::applyLoaded(const LoadedImage &loaded, const QString &name, const QString &path,
                                const QImage &source)
{
    const bool samePhoto = hasInput() && name == m_inputName && path == m_sourcePath &&
                           loaded.tensor.h() == m_input->h() && loaded.tensor.w() == m_input->w();
    m_pooler->cancel();
    m_input = std::make_shared<const Tensor>(loaded.tensor);
    m_inputImage = tensorToImage(*m_input);
    m_inputName = name;
    m_sourcePath = path;
    m_sourceImage = source;
    m_warnings = loaded.warnings;
    m_channels = channelNamesFor(m_channelMode, m_input->planeCount());
    m_windowChannel = std::clamp(m_windowChannel, 0, int(m_channels.size()) - 1);
    m_result.reset();
    setMessage(QString(), false);
    // The same photo in other channels keeps its sliding window; another photo closes it first,
    // so the views fit the new photo rather than stay on the old crop.
    const bool keepWindow = samePhoto && !m_crop.isEmpty();
    if (!keepWindow)
        closeWindow();
    emit inputChanged();
    if (keepWindow)
        retrace();
    emit settingsChanged(); // the level choices start again
    schedulePooling();
    return true;
}

bool PhotoDocument::reload()
{
    if (!hasInput())
        return false;
    const LoadedImage loaded = m_sourcePath.isEmpty() ? imageToTensor(m_sourceImage, loadOptions())
                                                      : loadImage(m_sourcePath, loadOptions());
    if (!loaded.ok()) {
        setMessage(loaded.error, true);
        return false;
    }
    return applyLoaded(loaded, m_inputName, m_sourcePath, m_sourceImage);
}

void PhotoDocument::setChannelMode(ChannelMode mode)
{
    if (mode == m_channelMode)
        return;
    const ChannelMode previous = m_channelMode;
    m_channelMode = mode;
    if (hasInput() && !reload())
        m_channelMode = previous;
    emit settingsChanged();
}

void PhotoDocument::setKeepAlpha(bool keep)
{
    if (keep == m_keepAlpha)
        return;
    m_keepAlpha = keep;
    if (hasInput() && !reload())
        m_keepAlpha = !keep;
    emit settingsChanged();
}

const Tensor &PhotoDocument::input() const
{
    return m_input ? *m_input : kEmptyTensor;
}

void PhotoDocument::setMessage(const QString &message, bool error)
{
    if (message == m_message && error == m_messageIsError)
        return;
    m_message = message;
    m_messageIsError = error;
    emit messageChanged(message, error);
}

// --- parameters ---------------------------------------------------------------------------------

PoolParams PhotoDocument::paramsA() const
{
    return m_window->params();
}

PoolParams PhotoDocument::paramsB() const
{
    PoolParams b = paramsA();
    b.mode = m_compare.mode;
    b.kernel = {m_compare.kernel, m_compare.kernel};
    b.stride = Size2{m_compare.stride, m_compare.stride};
    b.adaptiveOutput.reset();
    b.global = false;
    return b;
}

PoolDocument *PhotoDocument::parametersDocument() const
{
    return m_linked && m_matrix ? m_matrix : m_window;
}

void PhotoDocument::setLinked(bool linked)
{
    linked = linked && m_matrix;
    if (linked == m_linked)
        return;
    m_linked = linked;
    followMatrixParams();
    emit linkedChanged(linked);
}

void PhotoDocument::followMatrixParams()
{
    if (m_linked && m_matrix)
        m_window->followParams(m_matrix->params());
}

void PhotoDocument::setLevels(int levels)
{
    levels = std::clamp(levels, 1, maxLevels);
    if (levels == m_levels)
        return;
    m_levels = levels;
    m_shownLevel = std::min(m_shownLevel, levelChoices());
    emit settingsChanged();
    schedulePooling();
}

int PhotoDocument::levelChoices() const
{
    const int computed = m_result ? int(m_result->a.size()) : 0;
    return std::max(1, std::min(m_levels, std::max(computed, 1)));
}

void PhotoDocument::setShownLevel(int level)
{
    level = std::clamp(level, 1, levelChoices());
    if (level == m_shownLevel)
        return;
    m_shownLevel = level;
    emit settingsChanged();
}

void PhotoDocument::setComparing(bool compare)
{
    if (compare == m_comparing)
        return;
    m_comparing = compare;
    emit settingsChanged();
    schedulePooling();
}

void PhotoDocument::setCompare(const PhotoCompare &compare)
{
    PhotoCompare c = compare;
    c.kernel = std::clamp(c.kernel, 1, 64);
    c.stride = std::clamp(c.stride, 1, 64);
    if (c == m_compare)
        return;
    m_compare = c;
    emit settingsChanged();
    if (m_comparing)
        schedulePooling();
}

void PhotoDocument::setCompareSettings(PoolMode mode, int kernel, int stride)
{
    setCompare({mode, kernel, stride});
}

// --- pooling ------------------------------------------------------------------------------------

bool PhotoDocument::isPooling() const
{
    return m_pooler->isBusy() || m_poolTimer->isActive();
}

void PhotoDocument::cancelPooling()
{
    m_poolTimer->stop();
    m_pooler->cancel();
    setMessage(tr("Pooling cancelled; the views keep the last complete result."), false);
    emit poolingStopped();
}

void PhotoDocument::schedulePooling()
{
    if (!hasInput())
        return;
    // Coalesce bursts (a spin box held down) into one job; the running job is cancelled now.
    m_pooler->cancel();
    m_poolTimer->start();
}

void PhotoDocument::startPooling()
{
    if (!hasInput())
        return;
    PhotoRequest request;
    request.input = m_input;
    request.a = paramsA();
    if (m_comparing)
        request.b = paramsB();
    request.levels = m_levels;
    const quint64 generation = m_pooler->start(std::move(request));
    emit poolingStarted(generation);
}

void PhotoDocument::applyResult(const PhotoResult &result)
{
    m_result = std::make_shared<const PhotoResult>(result);
    if (!result.error.isEmpty())
        setMessage(result.error, true);
    else if (m_messageIsError && m_message.contains(QLatin1String("cannot pool")))
        setMessage(QString(), false);
    m_shownLevel = std::min(m_shownLevel, levelChoices());
    emit resultApplied(result.generation);
}

const PhotoLevel *PhotoDocument::levelOf(PhotoLayer layer) const
{
    if (!m_result || layer == PhotoLayer::Difference)
        return nullptr;
    const std::size_t level = std::size_t(m_shownLevel - 1);
    const std::vector<PhotoLevel> &levels =
        layer == PhotoLayer::Compared ? m_result->b : m_result->a;
    return level < levels.size() ? &levels[level] : nullptr;
}

const Tensor *PhotoDocument::valuesOf(PhotoLayer layer) const
{
    if (layer == PhotoLayer::Difference) {
        const std::size_t level = std::size_t(m_shownLevel - 1);
        return m_result && level < m_result->diff.size() ? &m_result->diff[level].difference->values
                                                         : nullptr;
    }
    const PhotoLevel *level = levelOf(layer);
    return level ? level->values.get() : nullptr;
}

QString PhotoDocument::differenceSummary() const
{
    const std::size_t level = std::size_t(m_shownLevel - 1);
    if (!m_result || !m_result->request.b || level >= m_result->diff.size())
        return {};
    const PhotoDifference &d = *m_result->diff[level].difference;
    // Name the sides by their modes when these differ ("max 201 vs avg 114"), else A and B.
    QString nameA = modeLabel(m_result->request.a.mode);
    QString nameB = modeLabel(m_result->request.b->mode);
    if (nameA == nameB) {
        nameA = QStringLiteral("A");
        nameB = QStringLiteral("B");
    }
    if (!d.hasLargest())
        return tr("A and B share no pixel to compare.");
    if (d.largest == 0)
        return tr("A and B are equal everywhere%1.")
            .arg(d.resampled ? tr(" (compared on the photo's pixels)") : QString());
    const QString channel = d.channel < m_channels.size() && m_channels.size() > 1
                                ? tr(" (channel %1)").arg(m_channels[d.channel])
                                : QString();
    QString text = tr("Largest difference %1 at row %2, column %3%4: %5 %6 vs %7 %8")
                       .arg(screenNumber(d.largest))
                       .arg(d.row)
                       .arg(d.col)
                       .arg(channel, nameA, screenNumber(d.a), nameB, screenNumber(d.b));
    if (d.resampled)
        text += tr(" — A and B differ in size, so both are compared on the photo's %1 pixels, "
                   "each pixel taking the pooled pixel drawn over it")
                    .arg(photoSizeText(d.values.h(), d.values.w()));
    return text;
}

} // namespace poolviz
