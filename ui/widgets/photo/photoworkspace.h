#pragma once

#include "photodocument.h"
#include "photoview.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
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
class PlaybackBar;
class PyramidStrip;
class StageWidget;

/// The Photo tab: the widgets of a PhotoDocument. Original and pooled image side by side with one
/// zoom and pan (from 24 screen pixels per pixel each pixel shows its values); optionally B and
/// |A − B|; the sliding window on a crop, drawn by the same StageWidget and PlaybackBar as the
/// Matrix tab; the loader's warnings and the document's messages inline above the views. Every
/// control writes to the document and every view redraws from it.
class PhotoWorkspace : public QWidget
{
    Q_OBJECT

public:
    /// The widgets of `document` (not owned).
    explicit PhotoWorkspace(PhotoDocument *document, QWidget *parent = nullptr);
    ~PhotoWorkspace() override;

    PhotoDocument *document() const { return m_document; }

    /// Pastes an image (or an image file's URL) from the clipboard.
    bool paste();
    /// Open…, Recent photos, Paste, Export ▸ (pooled image, values, B, difference): for the
    /// window's File menu.
    QList<QAction *> fileActions() const;
    /// How long a job runs before the progress bar and Cancel appear (300 ms by default), so
    /// quick jobs never flash them.
    void setProgressDelay(int ms);

    // --- views ----------------------------------------------------------------------------------
    PhotoCamera *camera() const;
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
    /// Centres the views on the most different pixel and zooms in until its values show.
    void showLargestDifference();

    // --- sliding window -------------------------------------------------------------------------
    /// Runs the sliding window of A on the crop around the centre of the views, opens the panel
    /// below the views and zooms to the crop. False (with the document's message) when there is
    /// no photo or A cannot pool the crop.
    bool showSlidingWindow();
    /// The same on `crop` (photo pixels, clamped to the photo): a lesson's photo scene.
    bool showSlidingWindow(const QRect &crop);
    /// The same on the crop around photo pixel `pixel` (x = column): a click on the original.
    bool placeCrop(const QPoint &pixel);
    /// The stage of the sliding window (the window document's trace).
    StageWidget *stage() const { return m_stage; }
    /// Its playback bar.
    PlaybackBar *playbackBar() const { return m_playback; }
    /// Whether the views pan to the window as it moves.
    bool follows() const;
    /// Presenter mode on a lesson's photo scene: the controls and the status row go, and the
    /// sliding window's stage gets two thirds of the height; off brings them back as they were.
    void setPresenting(bool on);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QWidget *createControls();
    QWidget *createStagePanel();
    void updateActions();
    void updateRecentMenu();
    void openDialog();
    void exportImageDialog(PhotoLayer layer);
    void exportValuesDialog(PhotoLayer layer);

    void showMessage(const QString &message, bool error);
    void onInputChanged();
    void onPoolingStarted();
    void onSettingsChanged();
    void onWindowChanged();
    void showProgress();
    void refreshViews();
    void refreshParamsLabel();
    void updateLevelChoices();
    void updateMarks();
    QRectF windowScene() const;

    QPointer<PhotoDocument> m_document; ///< null once destroyed (a window may delete it first)
    QTimer *m_progressTimer = nullptr;
    bool m_triedSample = false;
    bool m_fitMode = false; ///< the photo is fitted: refit when the views resize
    bool m_fitting = false;
    QList<int> m_sizesBeforePresenting; ///< the splitter's sizes before presenter mode

    PhotoView *m_originalView = nullptr;
    PhotoView *m_pooledView = nullptr;
    PhotoView *m_comparedView = nullptr;
    PhotoView *m_differenceView = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_stagePanel = nullptr;
    QLabel *m_stageHeader = nullptr;
    StageWidget *m_stage = nullptr;
    QLabel *m_stageCaption = nullptr;
    PlaybackBar *m_playback = nullptr;
    QCheckBox *m_followCheck = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLabel *m_paramsLabel = nullptr;
    QCheckBox *m_linkCheck = nullptr;
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
    QAction *m_playActions[5] = {}; ///< first, back, play, forward, last of the sliding window
};

} // namespace poolviz
