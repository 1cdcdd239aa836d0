-- The auth service's schema: staff users, login failures, refresh tokens, machine clients and
-- the audit trail. Names are unqualified: the service role's search_path is its schema.

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username text NOT NULL UNIQUE
        CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    email text CHECK (char_length(email) <= 254 AND position('@' IN email) > 1),
    role text NOT NULL CHECK (role IN ('beheerder', 'redacteur', 'lezer')),
    -- An editor limited to these action lines; empty: not limited (and for other roles).
    action_lines int[] NOT NULL DEFAULT '{}'
        CHECK (action_lines <@ ARRAY[1, 2, 3, 4, 5]
               AND (role = 'redacteur' OR cardinality(action_lines) = 0)),
    active boolean NOT NULL DEFAULT true,
    password_hash text NOT NULL, -- argon2id, libsodium's encoded form
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1, -- ETag
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Failed logins per lower-cased username, existing or not (so a lockout tells nothing about
-- whether the name exists).
CREATE TABLE login_failures (
    username text PRIMARY KEY,
    failures integer NOT NULL,
    first_failure_at timestamptz NOT NULL,
    locked_until timestamptz
);

-- Refresh tokens: only the SHA-256 of the token. Each rotation marks the token used and adds a
-- child in the same family; reuse of a used token revokes the family.
CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash text NOT NULL UNIQUE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id uuid NOT NULL,
    parent_id uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id);

-- Machine clients (OAuth2 client credentials): only the SHA-256 of the secret (256 random
-- bits, so a slow hash would add nothing); NULL when the secret is revoked.
CREATE TABLE clients (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id text NOT NULL UNIQUE CHECK (client_id ~ '^[a-z0-9._-]{3,64}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    scopes text[] NOT NULL DEFAULT '{}' CHECK (NOT ('auth:admin' = ANY (scopes))),
    municipality text CHECK (municipality ~ '^GM[0-9]{4}$'),
    active boolean NOT NULL DEFAULT true,
    secret_hash text,
    secret_created_at timestamptz,
    version integer NOT NULL DEFAULT 1, -- ETag
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who changed what, when, before and after (never a secret or a hash). Read newest first by id.
CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id text,
    before jsonb,
    after jsonb
);
