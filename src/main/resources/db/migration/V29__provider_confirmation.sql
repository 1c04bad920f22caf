-- A member without a password of their own proves it is them (before deleting their account) by
-- signing in with their provider again: such a sign-in is marked CONFIRM; a link is LINK.
ALTER TABLE provider_sign_ins ADD COLUMN purpose varchar(12) NOT NULL DEFAULT 'SIGN_IN'
    CHECK (purpose IN ('SIGN_IN', 'LINK', 'CONFIRM'));
UPDATE provider_sign_ins SET purpose = 'LINK' WHERE linking_member IS NOT NULL;
