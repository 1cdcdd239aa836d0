// Slot of the budget area: the project's budget lines, expenditures and contributions (contributions API, filter projectId).
// Rendered by pages/Project.tsx or pages/Dashboard.tsx; the area named above owns this file.
export default function ProjectBudget({ projectId }: { projectId: string }) {
  void projectId;
  return null;
}
