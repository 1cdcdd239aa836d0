-- Failed logins are throttled instead of answered slowly: after a failure, further attempts for
-- the same username are refused (429 with Retry-After) until not_before. A sleeping handler would
-- hold an HTTP worker thread, and with it every connection that thread serves.
ALTER TABLE login_failures ADD COLUMN not_before timestamptz;
