#pragma once

#include <QString>

namespace poolviz {

/// The folder that holds PoolViz's bundled data (photos/, examples/):
/// 1. `$POOLVIZ_DATA_DIR` when set and it exists;
/// 2. `<folder of the running binary>/<bin-to-data>` (`../share/poolviz` for the usual layout), so
/// an
///    installed copy works wherever its prefix was moved;
/// 3. the source tree's `resources/` for a program run from inside its build tree.
/// Empty when none exists. Needs a QCoreApplication (for the binary's folder).
QString dataDirectory();

/// `relative` inside dataDirectory(), e.g. "photos"; empty when there is no data directory.
QString dataPath(const QString &relative);

} // namespace poolviz
