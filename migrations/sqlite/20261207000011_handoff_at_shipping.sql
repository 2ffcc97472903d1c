-- Parcels are handed to the carrier when staff ship an order, no longer when it is paid:
-- the parcels queued at payment for orders not yet shipped are withdrawn (their carrier
-- has not received them; shipping queues them again).
DELETE FROM carrier_handoffs
WHERE booked_at IS NULL AND order_id IN (SELECT id FROM orders WHERE status = 'paid');
