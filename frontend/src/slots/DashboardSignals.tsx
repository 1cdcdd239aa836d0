// Slot of the monitoring area: the current signals (brandhaarden) from monitoring /signalen.
// Rendered by pages/Project.tsx or pages/Dashboard.tsx; the area named above owns this file.
export default function DashboardSignals() {
  return null;
}
