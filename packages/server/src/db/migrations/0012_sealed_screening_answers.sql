-- Answers to highly sensitive screening items (the SGBV section, armed-group approach) and
-- the outcome signals and follow-ups that repeat or name them are sealed with the key ring:
-- an envelope `v1:<keyId>:<iv>:<ciphertext+tag>` (src/crypto/seal.ts) whose associated data
-- binds it to `screenings:sealed_answers:<operation_id>:<id>:<person_id>`, so a copy moved
-- to another row does not open. `responses` and `outcome` keep the rest in clear.
-- Null when the screening has nothing highly sensitive, and after anonymisation.
alter table screenings add column sealed_answers text;
