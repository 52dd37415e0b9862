#pragma once

#include "sizelimits.h"

#include <QDialog>

class QSpinBox;
class QLabel;

namespace poolviz {

/// Edit ▸ Limits…: the largest output (and any tensor) in values and the longest animation in
/// steps that PoolViz computes before refusing with a message. Plain values in, plain values
/// out: the caller applies them (setCurrentLimits, Settings) and recomputes.
class LimitsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LimitsDialog(const Limits &limits, QWidget *parent = nullptr);
    /// The limits as edited.
    Limits limits() const;

private:
    void updateMemoryNote();

    Limits m_limits;              ///< as given: the fields not edited here are kept
    QSpinBox *m_values = nullptr; ///< millions of values
    QSpinBox *m_steps = nullptr;
    QLabel *m_memory = nullptr;
};

} // namespace poolviz
