#include "limitsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace poolviz {

LimitsDialog::LimitsDialog(const Limits &limits, QWidget *parent)
    : QDialog(parent), m_limits(limits), m_values(new QSpinBox(this)), m_steps(new QSpinBox(this)),
      m_memory(new QLabel(this))
{
    setWindowTitle(tr("Limits"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("PoolViz refuses, with a message naming the sizes, anything "
                                "larger than these limits before it allocates memory for it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_values->setRange(1, 100'000); // 10⁶ … 10¹¹ values
    m_values->setSuffix(tr(" million values"));
    m_values->setValue(int(std::clamp<std::int64_t>(limits.values / 1'000'000, 1, 100'000)));
    m_values->setAccessibleName(tr("Largest output in millions of values"));
    m_values->setToolTip(
        tr("Outputs (all planes), gradients and unpooled planes (default 100 million)"));
    form->addRow(tr("Largest output:"), m_values);
    m_steps->setRange(1, 1'000'000);
    m_steps->setSuffix(tr(" steps"));
    m_steps->setValue(int(std::clamp<std::int64_t>(limits.steps, 1, 1'000'000)));
    m_steps->setAccessibleName(tr("Longest animation in steps"));
    m_steps->setToolTip(tr("Steps of one animation, and so frames of an exported GIF "
                           "(default 10 000)"));
    form->addRow(tr("Longest animation:"), m_steps);
    layout->addLayout(form);
    m_memory->setWordWrap(true);
    layout->addWidget(m_memory);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                m_values->setValue(int(Limits{}.values / 1'000'000));
                m_steps->setValue(int(Limits{}.steps));
            });
    layout->addWidget(buttons);
    connect(m_values, &QSpinBox::valueChanged, this, &LimitsDialog::updateMemoryNote);
    updateMemoryNote();
}

Limits LimitsDialog::limits() const
{
    Limits l = m_limits;
    l.values = std::int64_t(m_values->value()) * 1'000'000;
    l.steps = m_steps->value();
    return l;
}

void LimitsDialog::updateMemoryNote()
{
    // A float takes 4 bytes; the forward pass keeps values and indices (8 bytes) for max.
    const double gb = double(m_values->value()) * 1e6 * 12 / 1e9;
    m_memory->setText(tr("An output at this limit can take about %1 GB of memory.")
                          .arg(gb, 0, 'f', gb < 10 ? 1 : 0));
}

} // namespace poolviz
