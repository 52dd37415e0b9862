#pragma once

#include "poolparams.h"

#include <QCoreApplication>
#include <QString>

namespace poolviz {

/// Pooling parameters in words for the window, in its language: what core's describe() says in
/// English for the CLI ("max 2×2, stride 2×2, padding 1"), with the same parts in the same order.
/// Mode names stay as the frameworks spell them (max, avg, min, L3); Lp's p and numbers take the
/// locale's decimal separator.
class ParamsText
{
    Q_DECLARE_TR_FUNCTIONS(poolviz::ParamsText)

public:
    static QString describe(const PoolParams &params);
};

} // namespace poolviz
