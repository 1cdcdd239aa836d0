// Slot of the budget area: this year's budget coverage (contributions /dekking).
// Rendered by pages/Project.tsx or pages/Dashboard.tsx; the area named above owns this file.
export default function DashboardBudget() {
  return null;
}
