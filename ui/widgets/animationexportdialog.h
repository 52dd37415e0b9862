#pragma once

#include "animationexport.h"
#include "pool.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class QTimer;

namespace poolviz {

/// What the dialog needs to build the trace of either phase off the GUI thread.
struct AnimationSource
{
    Tensor input;    ///< the whole input
    Tensor upstream; ///< the output gradient of the traced plane (empty: ones)
    PoolParams params;
    int plane = 0;
    Phase phase = Phase::Forward;
};

/// Exports the animation as a GIF or PNG frames without blocking the window: before it starts
/// it shows how many frames and about how many bytes the choice of steps, phase, frame size and
/// frame time will write; the export then runs on a worker thread with a progress bar and a
/// Cancel button. Window-modal; finished() says how it went.
class AnimationExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog for `source` writing to `path` (a .gif file, or a folder for PNG frames);
    /// `frameMs` is the playback interval offered as the frame time.
    AnimationExportDialog(AnimationSource source, const QString &path, int frameMs,
                          QWidget *parent = nullptr);
    ~AnimationExportDialog() override;

    /// The options as the controls set them.
    AnimationOptions options() const;
    /// The phase chosen.
    Phase phase() const;
    /// The estimate shown (recomputed shortly after each change).
    AnimationEstimate estimate() const { return m_estimate; }
    /// True while the export runs.
    bool isExporting() const;
    /// Starts the export (the Export button).
    void startExport();

signals:
    /// The export ended: `error` empty on success, "cancelled", or why it failed; `message`
    /// is the sentence for the status bar.
    void finished(const QString &error, const QString &message);

protected:
    void reject() override;

private:
    std::shared_ptr<const Trace> traceFor(Phase phase);
    void updateRanges();
    void updateEstimate();
    void setExporting(bool exporting);

    AnimationSource m_source;
    QString m_path;
    bool m_gif = true;
    std::shared_ptr<const Trace> m_trace; ///< of the phase chosen
    AnimationEstimate m_estimate;

    QComboBox *m_phase = nullptr;
    QSpinBox *m_from = nullptr;
    QSpinBox *m_to = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_frameMs = nullptr;
    QLabel *m_estimateLabel = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_estimateTimer = nullptr;
    QFutureWatcher<QString> *m_watcher = nullptr;
};

/// "129 MB", "850 kB", "12 bytes".
QString byteSize(qint64 bytes);

} // namespace poolviz
