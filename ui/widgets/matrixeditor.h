#pragma once

#include "matrixmodel.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace poolviz {

class PlaneSelector;
class PoolDocument;

/// Edits one tensor of the document: the input (its channels side by side to choose from, size,
/// random integers, clear) or the backward pass's upstream gradient (ones, random, clear; its
/// size is the output's).
/// Both have a table to type into and a paste box that reads spreadsheet text, MATLAB-style
/// "1 2; 3 4" or a NumPy/PyTorch repr; a parse error is shown inline with its line and column and
/// the last valid matrix stays in use.
class MatrixEditor : public QWidget
{
    Q_OBJECT

public:
    MatrixEditor(PoolDocument *document, MatrixModel::Source source, QWidget *parent = nullptr);

    /// The largest size the size spin boxes offer.
    static constexpr int kMaxSize = 64;

    QTableView *tableView() const { return m_table; }
    MatrixModel *model() const { return m_model; }
    /// The input's planes (channels) to choose from; null in the gradient's editor.
    PlaneSelector *planeSelector() const { return m_planes; }
    QToolButton *removeChannelButton() const { return m_removeChannel; }
    QSpinBox *rowsSpin() const { return m_rows; }
    QSpinBox *columnsSpin() const { return m_columns; }
    QSpinBox *randomLowSpin() const { return m_randomLow; }
    QSpinBox *randomHighSpin() const { return m_randomHigh; }
    QSpinBox *seedSpin() const { return m_seed; }
    QPushButton *randomButton() const { return m_randomButton; }
    QPushButton *clearButton() const { return m_clearButton; }
    QPlainTextEdit *pasteEdit() const { return m_paste; }
    QPushButton *applyPasteButton() const { return m_applyPaste; }
    QLabel *pasteStatus() const { return m_pasteStatus; }

    /// Reads `text` with core's parser and, if it is a matrix, makes it the input (or the upstream
    /// gradient). Returns false and shows the error (line, column) when it is not.
    bool applyText(const QString &text);
    /// Fills the current plane with random integers from the range and seed boxes.
    void fillRandom();
    /// Sets every value of the current plane to 0 (the input) or 1 (the upstream gradient's ones).
    void clearValues();

signals:
    /// A message for the status bar (rejected cell text, what a paste did).
    void message(const QString &text);
    /// The text of the paste box became the matrix ("Use Matrix"): the stage may take focus.
    void applied();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void syncFromDocument();
    void validatePaste();
    void resizeInput();
    void addChannel();
    void removeChannel(int index);
    void deleteSelection();
    void fitColumns();
    QString planeLabel(int plane) const;

    PoolDocument *m_document;
    MatrixModel::Source m_source;
    MatrixModel *m_model = nullptr;
    PlaneSelector *m_planes = nullptr;
    QToolButton *m_addChannel = nullptr;
    QToolButton *m_removeChannel = nullptr;
    QSpinBox *m_rows = nullptr;
    QSpinBox *m_columns = nullptr;
    QTableView *m_table = nullptr;
    QSpinBox *m_randomLow = nullptr;
    QSpinBox *m_randomHigh = nullptr;
    QSpinBox *m_seed = nullptr;
    QPushButton *m_randomButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPlainTextEdit *m_paste = nullptr;
    QPushButton *m_applyPaste = nullptr;
    QLabel *m_pasteStatus = nullptr;
    QLabel *m_shapeLabel = nullptr;
};

} // namespace poolviz
