// Renders PoolViz's bundled sample photos procedurally, so that they are made for the project and
// free to redistribute (resources/photos/LICENSE.txt). Deterministic: the same files every run.
// Built and run by scripts/make-sample-photos.sh.
//
//   cat-224.jpg        224×224 grayscale tabby cat (seed 000 pools a 224×224 grayscale cat 224→112)
//   lake-321x481.jpg   321×481 (rows × columns) colour mountain lake, seed 002's photo size
//   city-night.jpg     427×640 colour skyline at night: max pooling keeps the lit windows,
//                      average pooling dims them (a strong max − avg difference)
//   test-pattern-stripes.png  448×384 grayscale test pattern: a zone plate (rings ever finer
//                      towards the edge) over bands of 2, 3 and 4 px stripes; a stride larger
//                      than the kernel skips pixels and paints false rings and stripes (aliasing)

#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846;

double clamp01(double v)
{
    return std::clamp(v, 0.0, 1.0);
}
double mix(double a, double b, double t)
{
    return a + (b - a) * t;
}
double smoothstep(double e0, double e1, double x)
{
    const double t = clamp01((x - e0) / (e1 - e0));
    return t * t * (3 - 2 * t);
}

struct Rgb
{
    double r = 0, g = 0, b = 0;
};
Rgb mix(const Rgb &a, const Rgb &b, double t)
{
    return {mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t)};
}
Rgb operator*(const Rgb &a, double s)
{
    return {a.r * s, a.g * s, a.b * s};
}
Rgb operator+(const Rgb &a, const Rgb &b)
{
    return {a.r + b.r, a.g + b.g, a.b + b.b};
}
Rgb hex(unsigned v)
{
    return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}

QRgb toRgb(const Rgb &c)
{
    auto q = [](double v) { return int(std::lround(clamp01(v) * 255)); };
    return qRgb(q(c.r), q(c.g), q(c.b));
}

/// Smooth value noise on the integer lattice with a fixed hash; fbm sums octaves.
class Noise
{
public:
    explicit Noise(std::uint32_t seed) : m_seed(seed) {}
    double lattice(int x, int y) const
    {
        std::uint32_t h =
            std::uint32_t(x) * 374761393u + std::uint32_t(y) * 668265263u + m_seed * 2246822519u;
        h = (h ^ (h >> 13)) * 1274126177u;
        h ^= h >> 16;
        return (h & 0xffffff) / double(0xffffff);
    }
    double value(double x, double y) const
    {
        const int xi = int(std::floor(x)), yi = int(std::floor(y));
        const double fx = x - xi, fy = y - yi;
        const double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
        const double a = lattice(xi, yi), b = lattice(xi + 1, yi);
        const double c = lattice(xi, yi + 1), d = lattice(xi + 1, yi + 1);
        return mix(mix(a, b, sx), mix(c, d, sx), sy);
    }
    double fbm(double x, double y, int octaves, double gain = 0.5) const
    {
        double sum = 0, amp = 1, norm = 0;
        for (int i = 0; i < octaves; ++i) {
            sum += amp * value(x, y);
            norm += amp;
            amp *= gain;
            x = x * 2.03 + 17.1;
            y = y * 2.03 + 5.7;
        }
        return sum / norm;
    }

private:
    std::uint32_t m_seed;
};

/// Adds fine sensor grain and a soft vignette, as a camera would.
void finish(QImage &img, std::uint32_t seed, double grain, double vignette)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> n(0.0, grain);
    const double cx = img.width() / 2.0, cy = img.height() / 2.0;
    const double rmax = std::hypot(cx, cy);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            const double r = std::hypot(x - cx, y - cy) / rmax;
            const double v = 1 - vignette * r * r;
            const double g = n(rng);
            img.setPixel(x, y, toRgb({c.redF() * v + g, c.greenF() * v + g, c.blueF() * v + g}));
        }
}

// --- the cat -------------------------------------------------------------------------------------

QImage renderCat()
{
    const int W = 224, H = 224;
    QImage img(W, H, QImage::Format_RGB32);
    const Noise noise(7), fur(11), stripes(23);

    // Head geometry (pixels).
    const double hx = 112, hy = 126;
    auto headField = [&](double x, double y) {
        // A superellipse widening at the cheeks: < 1 inside.
        const double dy = (y - hy) / 84.0;
        const double wide = 92 + 10 * smoothstep(-0.2, 0.6, dy);
        const double dx = (x - hx) / wide;
        return std::pow(std::fabs(dx), 2.1) + std::pow(std::fabs(dy), 2.0);
    };
    auto earField = [&](double x, double y, int side) {
        // A rounded triangle: tip (hx ± 64, 22), base on the head.
        const double tipX = hx + side * 66, tipY = 20;
        const double baseL = hx + side * 18, baseR = hx + side * 92, baseY = 92;
        const double t = clamp01((y - tipY) / (baseY - tipY));
        const double left = mix(tipX, std::min(baseL, baseR), t);
        const double right = mix(tipX, std::max(baseL, baseR), t);
        if (y < tipY - 2 || y > baseY + 20)
            return 2.0;
        const double mid = (left + right) / 2, half = (right - left) / 2 + 1.5;
        return std::fabs(x - mid) / half;
    };
    auto innerEar = [&](double x, double y, int side) {
        const double tipX = hx + side * 63, tipY = 34;
        const double baseL = hx + side * 30, baseR = hx + side * 82, baseY = 92;
        const double t = clamp01((y - tipY) / (baseY - tipY));
        if (y < tipY)
            return 2.0;
        const double left = mix(tipX, std::min(baseL, baseR), t);
        const double right = mix(tipX, std::max(baseL, baseR), t);
        const double mid = (left + right) / 2, half = (right - left) / 2 + 0.5;
        return std::fabs(x - mid) / half;
    };
    struct Eye
    {
        double x, y;
    };
    const Eye eyes[2] = {{hx - 38, 118}, {hx + 38, 118}};
    auto eyeField = [&](double x, double y, const Eye &e) {
        // Almond: intersection of two circles, tilted a little upwards outside.
        const double side = e.x < hx ? -1 : 1;
        const double a = -side * 0.18;
        const double dx = (x - e.x) * std::cos(a) - (y - e.y) * std::sin(a);
        const double dy = (x - e.x) * std::sin(a) + (y - e.y) * std::cos(a);
        const double r = 28, off = 14;
        const double d1 = std::hypot(dx, dy - off) / r, d2 = std::hypot(dx, dy + off) / r;
        return std::max(d1, d2);
    };

    const double lightX = -0.5, lightY = -0.7;
    for (int y = 0; y < H; ++y) {
        for (int x = 0; x < W; ++x) {
            // Background: a blurred room, lighter at the top left, with soft bokeh.
            double bg = mix(0.78, 0.30, clamp01((x * 0.4 + y * 0.9) / 260.0));
            bg += 0.08 * (noise.fbm(x / 60.0, y / 60.0, 3) - 0.5);
            for (int i = 0; i < 5; ++i) {
                const double bx = 20 + i * 47, by = 18 + (i % 2) * 30;
                bg += 0.10 * std::exp(-std::pow(std::hypot(x - bx, y - by) / 14.0, 4));
            }
            double v = bg;

            // The outline is fur, not a line: perturb it with fine strands.
            const double fuzz = 0.09 * (fur.fbm(x / 1.5, y / 1.5, 2) - 0.5);
            const double head = headField(x, y) + fuzz;
            const double earL = earField(x, y, -1), earR = earField(x, y, 1);
            const double inHead = 1 - smoothstep(0.97, 1.03, head);
            const double inEar =
                std::max(1 - smoothstep(0.92, 1.05, earL), 1 - smoothstep(0.92, 1.05, earR));
            const double body = std::max(inHead, inEar);
            if (body > 0) {
                // Fur flows outwards from the nose; strands are noise stretched along it.
                const double nx = hx, ny = 138;
                double ang = std::atan2(y - ny, x - nx);
                ang += 0.35 * (noise.fbm(x / 40.0, y / 40.0, 2) - 0.5);
                const double u = (x - nx) * std::cos(ang) + (y - ny) * std::sin(ang);
                const double w = -(x - nx) * std::sin(ang) + (y - ny) * std::cos(ang);
                const double strands = fur.fbm(u / 7.0, w / 1.1, 3);

                // Tabby pattern: an "M" of stripes on the forehead, bars on the cheeks.
                const double fx = (x - hx) / 90.0, fy = (y - hy) / 84.0;
                double stripe = 0;
                if (fy < -0.15) {
                    const double s = std::sin((std::fabs(fx) * 1.4 + fy * 0.3) * 28 +
                                              6 * stripes.fbm(x / 30.0, y / 30.0, 2));
                    stripe = smoothstep(0.35, 0.9, s) * smoothstep(0.6, 0.1, std::fabs(fx)) *
                             smoothstep(-0.95, -0.5, fy);
                }
                if (std::fabs(fx) > 0.55 && fy > -0.3) {
                    const double s = std::sin((fy - 0.25 * std::fabs(fx)) * 26 +
                                              5 * stripes.fbm(x / 25.0, y / 25.0, 2));
                    stripe = std::max(stripe, smoothstep(0.4, 0.9, s) *
                                                  smoothstep(0.5, 0.8, std::fabs(fx)));
                }
                // Light muzzle and chin, darker crown.
                const double muzzle =
                    std::exp(-std::pow(std::hypot((x - hx) / 44.0, (y - 160) / 30.0), 2));
                double base = 0.62 + 0.22 * muzzle - 0.10 * smoothstep(0.0, -0.8, fy);
                base -= 0.30 * stripe;
                base += 0.34 * (strands - 0.5);

                // Round shading: the head as a dome lit from the upper left.
                const double dz = std::sqrt(std::max(0.0, 1 - std::min(head, 1.0)));
                const double shade = 0.75 + 0.35 * (-(fx * lightX + fy * lightY) * 0.5 + dz * 0.5);
                double cat = base * shade;

                // Inner ears: lighter, with a few long hairs.
                for (int side : {-1, 1}) {
                    const double in = 1 - smoothstep(0.85, 1.0, innerEar(x, y, side));
                    if (in > 0 && inHead < 0.5) {
                        const double hairs = fur.fbm(x / 1.2, y / 12.0, 2);
                        cat =
                            mix(cat, 0.80 + 0.2 * (hairs - 0.5) - 0.25 * smoothstep(40, 90, y), in);
                    }
                }
                // Eyes: dark rim, green-gray iris with radial streaks, slit pupil, highlight.
                for (const Eye &e : eyes) {
                    const double f = eyeField(x, y, e);
                    if (f < 1.12) {
                        const double rim = 1 - smoothstep(1.0, 1.1, f);
                        const double dx = x - e.x, dy = y - e.y;
                        const double rr = std::hypot(dx, dy);
                        const double a = std::atan2(dy, dx);
                        double iris = 0.72 - 0.22 * (rr / 22.0) +
                                      0.08 * std::sin(a * 23 + rr * 0.3) +
                                      0.06 * (fur.value(a * 9, rr / 3.0) - 0.5);
                        iris *= 0.8 + 0.3 * smoothstep(8, -8, dy);
                        const double pupil =
                            std::exp(-std::pow(dx / 3.0, 2) - std::pow(dy / 17.0, 6));
                        iris = mix(iris, 0.04, smoothstep(0.3, 0.6, pupil));
                        const double hl = std::exp(-std::pow(std::hypot(dx + 6, dy + 8) / 3.2, 2));
                        iris = mix(iris, 0.98, hl);
                        const double edge = smoothstep(0.80, 1.0, f);
                        cat = mix(cat, mix(iris, 0.08, edge), rim);
                    }
                }
                // Nose: a dark rounded triangle with a soft highlight; the mouth below it.
                {
                    const double ny2 = 152, dy = y - ny2;
                    const double half = 13 - dy * 0.9;
                    const double inNose = (dy > -8 && dy < 12 && std::fabs(x - hx) < half)
                                              ? 1 - smoothstep(half - 2.5, half, std::fabs(x - hx))
                                              : 0;
                    const double noseV =
                        0.30 + 0.25 * std::exp(-std::pow(std::hypot(x - hx + 3, dy + 4) / 5.0, 2));
                    cat = mix(cat, noseV, inNose * smoothstep(-8, -5, dy));
                    // philtrum and the two arcs of the mouth
                    const double line =
                        std::exp(-std::pow((x - hx) / 1.1, 2)) * (y > 164 && y < 176 ? 1 : 0);
                    double arc = 0;
                    for (int side : {-1, 1}) {
                        const double cx = hx + side * 10, cy = 172;
                        const double d = std::fabs(std::hypot(x - cx, y - cy) - 10);
                        if (y > 172)
                            arc = std::max(arc, std::exp(-d * d / 1.2));
                    }
                    cat = mix(cat, 0.15, std::max(line, arc) * 0.8);
                }
                v = mix(v, clamp01(cat), body);
            }
            img.setPixel(x, y, toRgb({v, v, v}));
        }
    }

    // Whiskers: thin, bright, slightly curved strokes from the muzzle pads.
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, true);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> jitter(-1, 1);
    for (int side : {-1, 1}) {
        for (int i = 0; i < 5; ++i) {
            const QPointF start(hx + side * (18 + 2 * i), 166 + 4 * i + jitter(rng));
            const double angle = (-0.25 + 0.13 * i + 0.04 * jitter(rng));
            const double len = 95 + 15 * jitter(rng);
            QPainterPath path(start);
            const QPointF end(start.x() + side * len * std::cos(angle),
                              start.y() + len * std::sin(angle));
            const QPointF ctrl((start.x() + end.x()) / 2, (start.y() + end.y()) / 2 - 12);
            path.quadTo(ctrl, end);
            p.setPen(QPen(QColor(250, 250, 250, 210), 1.1));
            p.drawPath(path);
        }
    }
    p.end();
    finish(img, 3, 0.018, 0.25);
    return img.convertToFormat(QImage::Format_Grayscale8);
}

// --- the lake
// --------------------------------------------------------------------------------------

QImage renderLake()
{
    const int W = 481, H = 321;
    const int horizon = 196; // the waterline
    QImage scene(W, H, QImage::Format_RGB32);
    const Noise n1(101), n2(202), n3(303), n4(404);

    std::vector<double> far(W), near(W);
    for (int x = 0; x < W; ++x) {
        const double t = x / double(W);
        // Far range: sharp ridges from |noise|, a main peak left of centre.
        far[x] = 38 + 78 * std::exp(-std::pow((t - 0.36) / 0.15, 2)) +
                 48 * std::exp(-std::pow((t - 0.8) / 0.11, 2)) +
                 30 * (1 - std::fabs(2 * n1.fbm(t * 9, 0.5, 5) - 1));
        near[x] = 28 + 18 * n2.fbm(t * 4, 2.5, 4) + 14 * std::exp(-std::pow((t - 0.05) / 0.15, 2));
    }
    const Rgb skyTop = hex(0x2f5f9e), skyLow = hex(0xc9dcea), haze = hex(0x9db3c8);
    for (int y = 0; y < horizon; ++y) {
        for (int x = 0; x < W; ++x) {
            const double t = y / double(horizon);
            Rgb c = mix(skyTop, skyLow, std::pow(t, 0.8));
            // Clouds: fbm thresholded, brighter on top, flattened near the horizon.
            const double cl = n3.fbm(x / 90.0, y / 28.0, 6);
            const double cloud = smoothstep(0.52, 0.75, cl) * (1 - smoothstep(0.55, 0.9, t));
            const double lit = 0.92 + 0.08 * (n3.fbm(x / 30.0, (y - 3) / 10.0, 3));
            c = mix(c, Rgb{lit, lit, lit * 0.98} * (0.9 + 0.1 * (1 - t)), cloud * 0.9);

            const double farTop = horizon - far[x];
            const double nearTop = horizon - near[x];
            if (y >= farTop) {
                // Rock with snow above 150 px of altitude, fading into haze.
                const double alt = horizon - y;
                const double rough = n4.fbm(x / 8.0, y / 5.0, 4);
                // Relief: a height field lit from the left gives ridges and gullies.
                auto height = [&](double px, double py) {
                    return n1.fbm(px / 14.0 + 0.4 * n2.value(px / 30.0, py / 30.0), py / 22.0, 5);
                };
                const double relief = (height(x - 1, y) - height(x + 1, y)) * 9.0;
                Rgb rock =
                    mix(hex(0x4a5666), hex(0x8a96a4), clamp01(0.45 + relief + 0.3 * (rough - 0.5)));
                const double snowLine = 88 + 18 * n1.fbm(x / 25.0, 9.0, 3);
                const double snow =
                    smoothstep(snowLine - 6, snowLine + 4, alt + 14 * (rough - 0.5));
                // Light from the left: slopes facing left are brighter.
                const Rgb snowC = mix(hex(0xb8c4d4), hex(0xf6f8fb), clamp01(0.55 + relief * 1.5));
                rock = mix(rock, snowC, snow);
                const double hz = 0.45 * (1 - smoothstep(0, 70, alt));
                c = mix(rock, haze, 0.15 + hz);
            }
            if (y >= nearTop) {
                const double d = (y - nearTop) / std::max(1.0, horizon - nearTop);
                const double tex = n2.fbm(x / 5.0, y / 4.0, 4);
                c = mix(hex(0x3e5e35), hex(0x1f3a22), d * 0.7) * (0.8 + 0.4 * tex);
            }
            scene.setPixel(x, y, toRgb(c));
        }
    }
    // Conifers along the shore, darker in front.
    {
        QPainter p(&scene);
        p.setRenderHint(QPainter::Antialiasing, true);
        std::mt19937 rng(17);
        std::uniform_real_distribution<double> u(0, 1);
        for (int row = 0; row < 2; ++row) {
            for (double x = -6; x < W + 6; x += 3 + 5 * u(rng)) {
                if (row == 0 && x > 300 && x < 390 && u(rng) < 0.8)
                    continue; // a clearing
                const double h = (row == 0 ? 14 : 22) + (row == 0 ? 14 : 26) * u(rng);
                const double base = horizon - (row == 0 ? 2 : 0) + 1;
                const double w = h * (0.28 + 0.08 * u(rng));
                const int g = row == 0 ? 70 : 45;
                const QColor col(int(g * 0.55 + 10 * u(rng)), int(g + 15 * u(rng)), int(g * 0.6));
                for (int tier = 0; tier < 4; ++tier) {
                    const double ty = base - h * (tier / 4.0);
                    const double tw = w * (1 - tier / 5.0);
                    QPainterPath tri;
                    tri.moveTo(x - tw, ty);
                    tri.lineTo(x + tw, ty);
                    tri.lineTo(x, ty - h * 0.45);
                    tri.closeSubpath();
                    p.fillPath(tri, col.darker(100 + tier * 6));
                }
                p.fillRect(QRectF(x - 0.6, base - 3, 1.2, 3), QColor(50, 35, 25));
            }
        }
    }
    // The lake: the scene mirrored, rippled, darker and bluer; a foreground shore at the bottom.
    QImage img = scene.copy();
    for (int y = horizon; y < H; ++y) {
        const double d = (y - horizon) / double(H - horizon);
        for (int x = 0; x < W; ++x) {
            const double ripple = 2.2 * d * std::sin(y * 0.9 + 3 * n4.fbm(x / 40.0, y / 3.0, 2)) +
                                  3 * d * (n1.fbm(x / 60.0, y / 2.0, 3) - 0.5);
            const int sx = std::clamp(int(std::lround(x + ripple)), 0, W - 1);
            const int sy =
                std::clamp(2 * horizon - y - 1 + int(std::lround(ripple * 0.5)), 0, horizon - 1);
            const QColor m = scene.pixelColor(sx, sy);
            Rgb c{m.redF(), m.greenF(), m.blueF()};
            c = mix(c * 0.82, hex(0x28506e), 0.28 + 0.3 * d);
            const double sparkle = smoothstep(0.72, 0.9, n2.fbm(x / 14.0, y / 1.5, 3)) * (1 - d);
            c = mix(c, hex(0xdfeaf2), 0.35 * sparkle);
            // Shore stones and grass in the last rows.
            const double shore = 298 + 10 * n3.fbm(x / 50.0, 4.0, 3);
            if (y > shore) {
                const double stone = n4.fbm(x / 6.0, y / 4.0, 4);
                Rgb ground = mix(hex(0x6b6151), hex(0xa79c86), stone);
                const double grass = smoothstep(0.55, 0.7, n1.fbm(x / 3.0, y / 9.0, 3));
                ground = mix(ground, hex(0x4f6b2f), grass);
                c = mix(c, ground, smoothstep(shore, shore + 3, y));
            }
            img.setPixel(x, y, toRgb(c));
        }
    }
    finish(img, 9, 0.012, 0.18);
    return img;
}

// --- the city at night
// ----------------------------------------------------------------------------

QImage renderCity()
{
    const int W = 640, H = 427;
    QImage img(W, H, QImage::Format_RGB32);
    const Noise n(55);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0, 1);

    // Sky: deep blue to a warm glow above the city; stars; a moon.
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const double t = y / double(H);
            Rgb c = mix(hex(0x050a1e), hex(0x2a2440), smoothstep(0.0, 0.75, t));
            c = mix(c, hex(0x6b4a3a), smoothstep(0.45, 0.85, t) * 0.6);
            c = c + Rgb{0.03, 0.03, 0.05} * (n.fbm(x / 120.0, y / 40.0, 4) - 0.5);
            const double moon = std::hypot(x - 520, y - 70);
            if (moon < 22) {
                const double craters = n.fbm(x / 6.0, y / 6.0, 3);
                c = mix(hex(0xf4efd8), hex(0xcfc7ad), craters);
            } else {
                c = c + hex(0x3a3a50) * std::exp(-std::pow((moon - 22) / 30.0, 2)) * 0.6;
            }
            img.setPixel(x, y, toRgb(c));
        }
    for (int i = 0; i < 140; ++i) {
        const int x = int(u(rng) * W), y = int(u(rng) * H * 0.45);
        const int b = 150 + int(105 * u(rng));
        img.setPixel(x, y, qRgb(b, b, std::min(255, b + 20)));
    }

    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, false);
    // Three rows of buildings, farther ones hazier and smaller.
    const int ground = 385;
    for (int layer = 0; layer < 3; ++layer) {
        const double scale = 0.55 + 0.25 * layer;
        double x = -10 - 20 * u(rng);
        while (x < W) {
            const int bw = int((28 + 50 * u(rng)) * scale);
            const int bh = int((60 + 200 * u(rng) * u(rng) + 40 * layer) * scale);
            const int top = ground - bh - (2 - layer) * 18;
            const int shadeV = 14 + layer * 10 + int(10 * u(rng));
            const QColor facade(shadeV, shadeV + 2, shadeV + 10);
            p.fillRect(QRect(int(x), top, bw, ground - top), facade);
            // Windows: a grid, each lit with some probability, warm or cool.
            const int ww = std::max(2, int(4 * scale)), wh = std::max(2, int(5 * scale));
            const int gx = ww + std::max(2, int(4 * scale)), gy = wh + std::max(2, int(5 * scale));
            const double litP = 0.25 + 0.35 * u(rng);
            const bool office = u(rng) < 0.35;
            for (int wy = top + 6; wy + wh < ground - 4; wy += gy)
                for (int wx = int(x) + 4; wx + ww < int(x) + bw - 3; wx += gx) {
                    if (u(rng) > litP)
                        continue;
                    const double k = 0.75 + 0.25 * u(rng);
                    const QColor lit = office ? QColor(int(200 * k), int(225 * k), int(255 * k))
                                              : QColor(int(255 * k), int(196 * k), int(110 * k));
                    p.fillRect(QRect(wx, wy, ww, wh), lit);
                }
            if (bh * 1.0 / scale > 200 && u(rng) < 0.7) {
                // Antenna with a red light.
                const int ax = int(x) + bw / 2;
                p.fillRect(QRect(ax, top - 18, 1, 18), QColor(40, 40, 50));
                p.fillRect(QRect(ax - 1, top - 20, 3, 3), QColor(255, 40, 30));
            }
            x += bw + 2 + 8 * u(rng);
        }
    }
    // Street: dark with a row of lamps and their glow.
    p.fillRect(QRect(0, ground, W, H - ground), QColor(18, 16, 20));
    p.setRenderHint(QPainter::Antialiasing, true);
    for (int lx = 20; lx < W; lx += 58) {
        p.fillRect(QRect(lx, ground - 30, 2, 30 + 4), QColor(35, 35, 40));
        QRadialGradient glow(QPointF(lx + 1, ground - 31), 26);
        glow.setColorAt(0, QColor(255, 220, 150, 200));
        glow.setColorAt(1, QColor(255, 200, 120, 0));
        p.setBrush(glow);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(lx + 1, ground - 31), 26, 26);
        p.fillRect(QRect(lx - 2, ground - 33, 6, 3), QColor(255, 240, 200));
        // Light pool on the street.
        QRadialGradient pool(QPointF(lx + 1, ground + 22), 34);
        pool.setColorAt(0, QColor(120, 95, 60, 150));
        pool.setColorAt(1, QColor(120, 95, 60, 0));
        p.setBrush(pool);
        p.drawEllipse(QPointF(lx + 1, ground + 22), 40, 14);
    }
    p.end();
    finish(img, 21, 0.015, 0.2);
    return img;
}

// --- the aliasing test pattern

QImage renderStripes()
{
    // Zone plate: brightness ½(1 + cos(k·r²)) has local frequency k·r/π cycles per pixel, which
    // reaches the pixel grid's limit of ½ at r = 192 (the middle of each edge) for k = π/384.
    const int side = 384, band = 64;
    QImage img(side, side + band, QImage::Format_Grayscale8);
    const double k = kPi / (2.0 * side);
    for (int y = 0; y < side; ++y) {
        uchar *row = img.scanLine(y);
        for (int x = 0; x < side; ++x) {
            const double dx = x - side / 2.0 + 0.5, dy = y - side / 2.0 + 0.5;
            row[x] = uchar(std::lround(127.5 * (1 + std::cos(k * (dx * dx + dy * dy)))));
        }
    }
    // Vertical stripes, one period per third: 1 dark + 1 light, 1 + 2, 2 + 2 pixels.
    for (int y = side; y < side + band; ++y) {
        uchar *row = img.scanLine(y);
        for (int x = 0; x < side; ++x) {
            const int third = x * 3 / side, period = third + 2, dark = third == 2 ? 2 : 1;
            row[x] = x % period < dark ? 0 : 255;
        }
    }
    return img;
}

bool save(const QImage &img, const QString &path, int quality)
{
    if (!img.save(path, nullptr, quality)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s %dx%d\n", qPrintable(path), img.width(), img.height());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const QString out =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("resources/photos");
    QDir().mkpath(out);
    const QDir dir(out);
    bool ok = save(renderCat(), dir.filePath("cat-224.jpg"), 92);
    ok = save(renderLake(), dir.filePath("lake-321x481.jpg"), 90) && ok;
    ok = save(renderCity(), dir.filePath("city-night.jpg"), 90) && ok;
    ok = save(renderStripes(), dir.filePath("test-pattern-stripes.png"), -1) && ok;
    return ok ? 0 : 1;
}
