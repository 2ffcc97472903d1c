-- The guest cart an order was bought from: whoever settles the order (the request, a retry,
-- the recovery job after a crash) takes the lines it bought out of that cart.
ALTER TABLE orders ADD COLUMN guest_cart TEXT;
