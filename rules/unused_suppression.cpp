// unused-suppression: a copydesk-disable directive that suppresses no finding. The engine
// reports it (Suppressions::apply in linter/src/suppression.cpp), since only it sees the
// findings of every other rule; this file registers the id and its documentation.

#include "copydesk/registry.hpp"
#include "copydesk/suppression.hpp"

namespace copydesk {

using UnusedSuppression = EngineReportedRule<kUnusedSuppressionMeta>;
COPYDESK_REGISTER_RULE(UnusedSuppression, "unused_suppression");

}  // namespace copydesk
