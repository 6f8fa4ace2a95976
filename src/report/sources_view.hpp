#pragma once
// The short account of the extracts that the review shows.

#include "estab/model.hpp"
#include "report/view_writer.hpp"

namespace estab::report {

/// One line per extract: its rows and where their WTE went.
void write_sources_summary(ViewWriter& writer, const Model& model);

}  // namespace estab::report
