#include "paramstext.h"

#include "geometry.h"

#include <QLocale>
#include <QStringList>

namespace poolviz {

namespace {

QString times(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

QString times(Size2 s)
{
    return times(s.h, s.w);
}

} // namespace

QString ParamsText::describe(const PoolParams &p)
{
    QString mode = QString::fromStdString(modeName(p.mode));
    if (p.mode == PoolMode::Lp)
        mode = QStringLiteral("L") + QLocale().toString(p.p);
    if (p.global)
        return tr("global %1").arg(mode);
    if (p.adaptiveOutput)
        return tr("adaptive %1 to %2").arg(mode, times(*p.adaptiveOutput));
    QStringList parts{tr("%1 %2").arg(mode, times(p.kernel)),
                      tr("stride %1").arg(times(p.effectiveStride()))};
    switch (p.paddingMode) {
    case PaddingMode::SameUpper:
        parts << tr("SAME padding");
        break;
    case PaddingMode::SameLower:
        parts << tr("SAME_LOWER padding");
        break;
    case PaddingMode::Valid:
        parts << tr("VALID");
        break;
    case PaddingMode::Explicit: {
        const Padding &q = p.padding;
        if (q.top == q.bottom && q.left == q.right && q.top == q.left)
            parts << tr("padding %1").arg(q.top);
        else
            parts << tr("padding %1,%2,%3,%4").arg(q.top).arg(q.bottom).arg(q.left).arg(q.right);
        break;
    }
    }
    if (p.dilation.h != 1 || p.dilation.w != 1)
        parts << tr("dilation %1").arg(times(p.dilation));
    if (ceilModeApplies(p)) // SAME always gives ⌈in/s⌉: ceil mode plays no part there
        parts << tr("ceil mode");
    if (p.mode == PoolMode::Avg) {
        if (p.divisorOverride)
            parts << tr("divisor %1").arg(*p.divisorOverride);
        else if (!p.countIncludePad && p.paddingMode == PaddingMode::Explicit)
            parts << tr("excluding padding");
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace poolviz
