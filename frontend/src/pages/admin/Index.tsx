import { Navigate } from 'react-router';

/** /beheer: the users screen is the first one. */
export default function AdminIndex() {
  return <Navigate to="/beheer/gebruikers" replace />;
}
