#include "stagestyle.h"

#include "stagerenderer.h"

namespace poolviz::stage {

namespace {

QString num(double v)
{
    return qs(formatNumber(v));
}

} // namespace

QString pairText(int a, int b)
{
    return a == b ? QString::number(a) : QStringLiteral("%1×%2").arg(a).arg(b);
}

QString sizeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

QFont stageFont(double px, bool bold)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                   QStringLiteral("Segoe UI"), QStringLiteral("Helvetica Neue"),
                   QStringLiteral("Arial")});
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString cellNumber(const NumberFormat &format, double v, const QString &prefix)
{
    return prefix + format.text(v);
}

double numberPx(double s)
{
    return 0.44 * s;
}

double numberRoom(double s)
{
    return s < 32 ? 0.86 : 0.74;
}

QRectF runningRect(const QRectF &rect, double s, bool note, bool counted)
{
    return rect.adjusted(0, note ? 0.18 * s : 0, 0, counted ? -0.2 * s : 0);
}

QRectF timesRect(const QRectF &rect, double s)
{
    return rect.adjusted(0, 0, -0.1 * s, -0.04 * s);
}

double indexPx(double s)
{
    return 0.24 * s;
}

double badgePx(double s)
{
    return std::max(8.0, indexPx(s));
}

double pastEdgePx(double s)
{
    return std::max(6.0, indexPx(s));
}

std::pair<QString, double> amountNote(const NumberFormat &format, double amount, double s,
                                      TextFit &fit)
{
    if (s < 24)
        return {};
    const double nominal = std::max(8.0, 0.26 * s);
    const QString text = cellNumber(format, amount, amount < 0 ? QString() : QStringLiteral("+"));
    const double px = std::max(indexPx(s), fit.fit(text, nominal, 0.9 * s, true));
    return {text, px};
}

void hatch(QPainter &p, const QRectF &rect, const QColor &color, double spacing, double width)
{
    p.save();
    p.setClipRect(rect, Qt::IntersectClip);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    const double h = rect.height();
    for (double x = rect.left() - h; x < rect.right() + spacing; x += spacing)
        p.drawLine(QPointF(x, rect.bottom()), QPointF(x + h, rect.top()));
    p.restore();
}

QRectF badgeRect(QPointF center, const QString &text, double px, TextFit &fit)
{
    const double w = fit.width(text, px, true) + px * 0.9;
    const double h = px * 1.45;
    return QRectF(center.x() - w / 2, center.y() - h / 2, w, h);
}

double badgeLinePx(double px)
{
    return std::max(1.5, px * 0.14);
}

QRectF badge(QPainter &p, QPointF center, const QString &text, double px, const QColor &fill,
             TextFit &fit, double alpha)
{
    const QRectF r = badgeRect(center, text, px, fit);
    const double h = r.height();
    p.save();
    p.setPen(QPen(withAlpha(Qt::white, alpha), badgeLinePx(px)));
    p.setBrush(withAlpha(fill, alpha));
    p.drawRoundedRect(r, h / 2, h / 2);
    p.setPen(withAlpha(Qt::white, alpha));
    p.setFont(stageFont(px, true));
    p.drawText(r, Qt::AlignCenter, text);
    p.restore();
    return r;
}

void cellText(QPainter &p, TextFit &fit, const QRectF &rect, const QString &text, double px,
              const QColor &color, bool bold, double room)
{
    if (room <= 0)
        room = numberRoom(rect.width());
    const double size = fit.fit(text, px, rect.width() * room, bold);
    if (size < 5)
        return;
    p.setFont(stageFont(size, bold));
    p.setPen(color);
    p.drawText(rect, Qt::AlignCenter, text);
}

QString paddingValueText(PoolMode mode)
{
    switch (mode) {
    case PoolMode::Max:
        return QStringLiteral("−∞");
    case PoolMode::Min:
        return QStringLiteral("+∞");
    default:
        return QStringLiteral("0");
    }
}

QString superscript(double p)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    if (!(p >= 0 && p < 1000 && p == std::floor(p)))
        return QStringLiteral("^") + num(p);
    QString out;
    for (QChar c : QString::number(int(p)))
        out += digits[c.digitValue()];
    return out;
}

QString winnerBadgeText(const Step &st, const PoolParams &params)
{
    return st.rule == StepRule::NaN       ? QStringLiteral("NaN")
           : params.mode == PoolMode::Min ? QStringLiteral("min")
                                          : QStringLiteral("max");
}

QString windowBadgeText(const Step &st, const PoolParams &params)
{
    if (st.rule == StepRule::Average)
        return QStringLiteral("÷ ") + num(st.divisor);
    if (st.rule == StepRule::Lp)
        return QStringLiteral("L") + superscript(params.p);
    if (st.rule == StepRule::NoInput)
        return StageRenderer::tr("no input → %1").arg(num(st.output));
    return {};
}

double windowBadgePx(double s)
{
    return std::max(indexPx(s), std::clamp(0.26 * s, 10.0, 30.0));
}

} // namespace poolviz::stage
