CREATE TABLE `page_cache_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO `page_cache_generation` (`id`, `generation`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `page_cache_users_insert` AFTER INSERT ON `users`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_users_update` AFTER UPDATE ON `users`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_users_delete` AFTER DELETE ON `users`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producers_insert` AFTER INSERT ON `producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producers_update` AFTER UPDATE ON `producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producers_delete` AFTER DELETE ON `producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producer_images_insert` AFTER INSERT ON `producer_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producer_images_update` AFTER UPDATE ON `producer_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_producer_images_delete` AFTER DELETE ON `producer_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_org_units_insert` AFTER INSERT ON `org_units`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_org_units_update` AFTER UPDATE ON `org_units`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_org_units_delete` AFTER DELETE ON `org_units`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_categories_insert` AFTER INSERT ON `categories`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_categories_update` AFTER UPDATE ON `categories`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_categories_delete` AFTER DELETE ON `categories`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listings_insert` AFTER INSERT ON `listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listings_update` AFTER UPDATE ON `listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listings_delete` AFTER DELETE ON `listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_slug_history_insert` AFTER INSERT ON `listing_slug_history`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_slug_history_update` AFTER UPDATE ON `listing_slug_history`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_slug_history_delete` AFTER DELETE ON `listing_slug_history`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_certifications_insert` AFTER INSERT ON `listing_certifications`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_certifications_update` AFTER UPDATE ON `listing_certifications`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_certifications_delete` AFTER DELETE ON `listing_certifications`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_images_insert` AFTER INSERT ON `listing_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_images_update` AFTER UPDATE ON `listing_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_images_delete` AFTER DELETE ON `listing_images`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_revisions_insert` AFTER INSERT ON `listing_revisions`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_revisions_update` AFTER UPDATE ON `listing_revisions`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_listing_revisions_delete` AFTER DELETE ON `listing_revisions`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_reviews_insert` AFTER INSERT ON `reviews`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_reviews_update` AFTER UPDATE ON `reviews`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_reviews_delete` AFTER DELETE ON `reviews`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaigns_insert` AFTER INSERT ON `campaigns`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaigns_update` AFTER UPDATE ON `campaigns`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaigns_delete` AFTER DELETE ON `campaigns`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_producers_insert` AFTER INSERT ON `campaign_producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_producers_update` AFTER UPDATE ON `campaign_producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_producers_delete` AFTER DELETE ON `campaign_producers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_listings_insert` AFTER INSERT ON `campaign_listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_listings_update` AFTER UPDATE ON `campaign_listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_listings_delete` AFTER DELETE ON `campaign_listings`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_partners_insert` AFTER INSERT ON `campaign_partners`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_partners_update` AFTER UPDATE ON `campaign_partners`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_partners_delete` AFTER DELETE ON `campaign_partners`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_pledges_insert` AFTER INSERT ON `campaign_pledges`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_pledges_update` AFTER UPDATE ON `campaign_pledges`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_campaign_pledges_delete` AFTER DELETE ON `campaign_pledges`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_purchase_requests_insert` AFTER INSERT ON `purchase_requests`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_purchase_requests_update` AFTER UPDATE ON `purchase_requests`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_purchase_requests_delete` AFTER DELETE ON `purchase_requests`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offers_insert` AFTER INSERT ON `offers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offers_update` AFTER UPDATE ON `offers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offers_delete` AFTER DELETE ON `offers`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_request_matches_insert` AFTER INSERT ON `request_matches`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_request_matches_update` AFTER UPDATE ON `request_matches`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_request_matches_delete` AFTER DELETE ON `request_matches`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_orders_insert` AFTER INSERT ON `orders`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_orders_update` AFTER UPDATE ON `orders`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_orders_delete` AFTER DELETE ON `orders`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_order_lines_insert` AFTER INSERT ON `order_lines`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_order_lines_update` AFTER UPDATE ON `order_lines`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_order_lines_delete` AFTER DELETE ON `order_lines`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_refunds_insert` AFTER INSERT ON `refunds`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_refunds_update` AFTER UPDATE ON `refunds`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_refunds_delete` AFTER DELETE ON `refunds`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offline_deals_insert` AFTER INSERT ON `offline_deals`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offline_deals_update` AFTER UPDATE ON `offline_deals`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_offline_deals_delete` AFTER DELETE ON `offline_deals`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_buyer_profiles_insert` AFTER INSERT ON `buyer_profiles`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_buyer_profiles_update` AFTER UPDATE ON `buyer_profiles`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `page_cache_buyer_profiles_delete` AFTER DELETE ON `buyer_profiles`
BEGIN
	UPDATE `page_cache_generation` SET `generation` = `generation` + 1 WHERE `id` = 1;
END;
