#pragma once
/// Which absence assumptions apply to a staffing line, level by level, and what share of
/// contracted time each one takes: the rules of the input that loading checks and every
/// computation uses.

#include <memory>
#include <string>
#include <vector>

#include "estab/model.hpp"

namespace estab {

/// The level of the input that supplied an assumption.
enum class AssumptionLevel { Line, Team, Profession, Organisation, Default };

/// The name used in outputs for a level: "line", "team", "profession", "organisation", "default".
const char* level_name(AssumptionLevel level);

/// One resolved absence component of a staffing line.
struct AbsenceComponent {
  std::string component;  ///< "annual_leave", …, or an `additional` name
  double fraction = 0.0;  ///< share of contracted time
  AssumptionLevel source = AssumptionLevel::Default;
  const Allowance* stated = nullptr;  ///< the allowance as written; null for a default
};

/// Every absence component of a line after the per-component merge, and their sum.
struct ResolvedAbsence {
  std::vector<AbsenceComponent> components;  ///< the eight fixed ones, then additional by name
  double total = 0.0;  ///< the absence fraction `a`: the fixed components' sum plus the others'
  double headcount_per_wte = 1.0;
  AssumptionLevel headcount_source = AssumptionLevel::Default;
};

/// Resolves a line's absence: line > team > profession > organisation > default, per component.
ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line);

/// Turns an allowance into a fraction of contracted time (`headcount_per_wte` for hours_per_head).
double allowance_fraction(const Allowance& allowance, const ReviewSettings& review,
                          double headcount_per_wte);

/// Turns a non-caseload or non-activity allowance into a share of available time, where
/// `absence_fraction` is the line's `a`.
double available_time_fraction(const Allowance& allowance, const ReviewSettings& review,
                               double absence_fraction);

/// A what-if change applied while computing: one assumption scaled by a factor on every line.
struct Scaling {
  /// What is scaled.
  /// ActualSickness: each line with an actual sickness takes it (times the factor) in place of
  /// its assumed sickness; the other lines keep theirs.
  enum class Target { None, Component, HeadcountPerWte, Demand, ActualSickness };
  Target target = Target::None;
  std::string component;  ///< for Component: "sickness", …, or an `additional` name
  double factor = 1.0;    ///< e.g. 0.9 or 1.1
};

/// Resolves the absence of many lines of one model under one scaling, working out once what
/// lines that inherit the same `additional` lists share: their merge, and its sum.
class AbsenceResolver {
 public:
  /// A resolver for the lines of `model` (which must outlive it) under `scaling`.
  AbsenceResolver(const Model& model, Scaling scaling);
  ~AbsenceResolver();
  AbsenceResolver(const AbsenceResolver&) = delete;
  AbsenceResolver& operator=(const AbsenceResolver&) = delete;

  /// The line's absence with every component listed, as resolve_absence gives it.
  ResolvedAbsence resolve(const Team& team, const StaffingLine& line);
  /// The line's total and headcount, listing only the eight fixed components: for totals.
  ResolvedAbsence resolve_total(const Team& team, const StaffingLine& line);
  /// The scaling every line is resolved under.
  const Scaling& scaling() const { return scaling_; }

 private:
  struct Merges;
  ResolvedAbsence resolve_listing(const Team& team, const StaffingLine& line, bool list_additional);

  const Model& model_;
  Scaling scaling_;
  std::unique_ptr<Merges> merges_;
};

/// Resolves a line's absence with `scaling` applied: a Component target multiplies that
/// component's fraction (its source is kept); HeadcountPerWte multiplies the resolved
/// headcount before any hours_per_head component is converted. Other targets change nothing.
ResolvedAbsence resolve_absence(const Model& model, const Team& team, const StaffingLine& line,
                                const Scaling& scaling);

}  // namespace estab
