// Slot of the monitoring area: the indicators linked to the project (Indicator.projecten) with small charts.
// Rendered by pages/Project.tsx or pages/Dashboard.tsx; the area named above owns this file.
export default function ProjectIndicators({ projectId }: { projectId: string }) {
  void projectId;
  return null;
}
