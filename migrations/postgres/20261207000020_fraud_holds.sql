-- Fraud checks at checkout (issue 24, promise P6). Failed payments are counted per card,
-- client address and account in `sign_in_throttle` (keyed hashes, a day's window); beyond
-- the limits an order is written `held` and not charged until staff release it.

-- The card of a held order, as the processor's token, until staff release or cancel it
-- (then set to NULL): releasing charges it.
ALTER TABLE orders ADD COLUMN held_card_token TEXT;

-- The sandbox processor's fingerprint of a card number (a keyed hash, the same for every
-- entry of one number), as real processors return one to count a card by.
ALTER TABLE sandbox_cards ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
