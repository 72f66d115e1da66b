-- Stored messages become keys with parameters (docs/decisions/012-errors-and-messages.md).
-- Rows written by the old templates are mapped to their key only when the old text is exactly
-- what the template wrote (in Vietnamese or English) with parameters recovered from the orders,
-- listings and producers tables (or read back from the text and checked by rebuilding it); any
-- other notification keeps its text under `notice.legacy`.
-- The template texts are copied here on purpose: a migration must not change when the catalog does.

-- Reasons the system gave when it cancelled an order, or refunded one.
UPDATE `orders` SET `cancel_reason_key` = CASE `cancel_reason`
    WHEN 'Người mua hủy đơn.' THEN 'cancelReason.buyerGaveNone'
    WHEN 'Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.' THEN 'cancelReason.transferOverdue'
    WHEN 'Thanh toán thẻ không thành công.' THEN 'cancelReason.cardFailed'
    WHEN 'Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.' THEN 'cancelReason.cardExpired'
    WHEN 'Không mở được trang thanh toán thẻ.' THEN 'cancelReason.cardSessionFailed'
  END, `cancel_reason` = NULL
WHERE (`cancelled_by` = 'buyer' AND `cancel_reason` = 'Người mua hủy đơn.')
   OR (`cancelled_by` = 'system' AND `cancel_reason` IN (
     'Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.',
     'Thanh toán thẻ không thành công.',
     'Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.',
     'Không mở được trang thanh toán thẻ.'));
--> statement-breakpoint
UPDATE `refunds` SET `reason_key` = CASE `reason`
    WHEN 'Người mua hủy đơn.' THEN 'cancelReason.buyerGaveNone'
    WHEN 'Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.' THEN 'cancelReason.transferOverdue'
    WHEN 'Thanh toán thẻ không thành công.' THEN 'cancelReason.cardFailed'
    WHEN 'Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.' THEN 'cancelReason.cardExpired'
    WHEN 'Không mở được trang thanh toán thẻ.' THEN 'cancelReason.cardSessionFailed'
    WHEN 'Đơn đã hủy trước khi nhận được tiền.' THEN 'cancelReason.cancelledBeforePayment'
  END, `reason` = NULL
WHERE `reason` IN (
  'Người mua hủy đơn.',
  'Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.',
  'Thanh toán thẻ không thành công.',
  'Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.',
  'Không mở được trang thanh toán thẻ.',
  'Đơn đã hủy trước khi nhận được tiền.');
--> statement-breakpoint
-- Order notifications with a fixed body: the order's code is the only parameter.
WITH `templates`(`audience`, `event`, `title`, `body`) AS (VALUES
  ('buyer', 'placed', 'Đã đặt đơn {code}', 'Đơn hàng đã được gửi tới người bán.'),
  ('buyer', 'placed', 'Order {code} placed', 'Your order was sent to the producer.'),
  ('buyer', 'confirmed', 'Đơn {code} đã được xác nhận', 'Người bán đang chuẩn bị hàng.'),
  ('buyer', 'confirmed', 'Order {code} confirmed', 'The producer is preparing your goods.'),
  ('buyer', 'paid', 'Đã nhận thanh toán đơn {code}', 'Người bán đang chuẩn bị hàng.'),
  ('buyer', 'paid', 'Payment received for {code}', 'The producer is preparing it.'),
  ('buyer', 'shipping', 'Đơn {code} đang giao', 'Hàng đã rời nơi sản xuất.'),
  ('buyer', 'shipping', 'Order {code} is on its way', 'The goods have left the producer.'),
  ('buyer', 'delivered', 'Đơn {code} đã giao', 'Vui lòng xác nhận đã nhận hàng và đánh giá sản phẩm.'),
  ('buyer', 'delivered', 'Order {code} delivered', 'Please confirm receipt and leave a review.'),
  ('buyer', 'refunded', 'Hoàn tiền đơn {code}', 'Khoản hoàn tiền đã được ghi nhận.'),
  ('buyer', 'refunded', 'Refund for {code}', 'A refund was recorded.'),
  ('producer', 'placed', 'Đơn hàng mới {code}', 'Có đơn hàng mới cần xử lý.'),
  ('producer', 'placed', 'New order {code}', 'A new order is waiting for you.'),
  ('producer', 'paid', 'Đơn {code} đã thanh toán', 'Hãy chuẩn bị và giao hàng.'),
  ('producer', 'paid', 'Order {code} paid', 'Please prepare and ship it.'),
  ('producer', 'completed', 'Đơn {code} đã hoàn tất', 'Người mua đã nhận hàng.'),
  ('producer', 'completed', 'Order {code} completed', 'The buyer received the goods.'),
  ('producer', 'reviewed', 'Đánh giá mới cho đơn {code}', 'Người mua vừa đánh giá sản phẩm.'),
  ('producer', 'reviewed', 'New review on {code}', 'The buyer reviewed a product.')
),
`found` AS (
  SELECT n.`id`, t.`audience`, t.`event`, o.`code`
  FROM `notifications` n
  JOIN `templates` t ON n.`kind` = 'order.' || t.`event` AND t.`audience` = CASE
    WHEN n.`link` GLOB '/don-hang/[0-9]*' THEN 'buyer'
    WHEN n.`link` GLOB '/ban-hang/don-hang/[0-9]*' THEN 'producer' END
  JOIN `orders` o ON o.`id` = CAST(substr(n.`link`, instr(n.`link`, 'don-hang/') + 9) AS INTEGER)
  WHERE n.`message_key` IS NULL
    AND n.`title` = replace(t.`title`, '{code}', o.`code`) AND n.`body` = t.`body`
)
UPDATE `notifications` SET
  `message_key` = 'notice.order.' || `found`.`audience` || '.' || `found`.`event`,
  `params` = json_object('code', `found`.`code`)
FROM `found` WHERE `notifications`.`id` = `found`.`id`;
--> statement-breakpoint
-- Cancelled orders: the body was the reason. A reason the system gave becomes its key.
WITH `reasons`(`text`, `key`) AS (VALUES
  ('Người mua hủy đơn.', 'cancelReason.buyerGaveNone'),
  ('Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.', 'cancelReason.transferOverdue'),
  ('Thanh toán thẻ không thành công.', 'cancelReason.cardFailed'),
  ('Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.', 'cancelReason.cardExpired'),
  ('Không mở được trang thanh toán thẻ.', 'cancelReason.cardSessionFailed')
),
`found` AS (
  SELECT n.`id`, o.`code`, n.`body`,
    CASE WHEN n.`link` GLOB '/don-hang/[0-9]*' THEN 'buyer' ELSE 'producer' END AS `audience`
  FROM `notifications` n
  JOIN `orders` o ON o.`id` = CAST(substr(n.`link`, instr(n.`link`, 'don-hang/') + 9) AS INTEGER)
  WHERE n.`message_key` IS NULL AND n.`kind` = 'order.cancelled'
    AND (n.`link` GLOB '/don-hang/[0-9]*' OR n.`link` GLOB '/ban-hang/don-hang/[0-9]*')
    AND n.`title` IN (replace('Đơn {code} đã hủy', '{code}', o.`code`),
                      replace('Order {code} cancelled', '{code}', o.`code`))
)
UPDATE `notifications` SET
  `message_key` = 'notice.order.' || `found`.`audience` || '.cancelled',
  `params` = CASE
    WHEN `found`.`body` IN (SELECT `text` FROM `reasons`) THEN json_object('code', `found`.`code`,
      'reason', json_object('key', (SELECT `key` FROM `reasons` WHERE `text` = `found`.`body`)))
    ELSE json_object('code', `found`.`code`, 'reason', `found`.`body`) END
FROM `found` WHERE `notifications`.`id` = `found`.`id`;
--> statement-breakpoint
-- Moderation of listings and of their edits: the listing's title and the moderator's reason,
-- which sits between the body's fixed start and end.
WITH `templates`(`kind`, `key`, `title`, `head`, `tail`, `has_reason`) AS (VALUES
  ('listing.approve', 'notice.listing.approve', 'Sản phẩm “{title}” đã được duyệt', 'Sản phẩm đã hiển thị cho người mua.', '', 0),
  ('listing.approve', 'notice.listing.approve', '“{title}” was approved', 'Buyers can now see the product.', '', 0),
  ('listing.reject', 'notice.listing.reject', 'Sản phẩm “{title}” không được duyệt', 'Lý do: ', '', 1),
  ('listing.reject', 'notice.listing.reject', '“{title}” was rejected', 'Reason: ', '', 1),
  ('listing.request_changes', 'notice.listing.request_changes', 'Cần sửa sản phẩm “{title}”', 'Góp ý của cán bộ Hội: ', '', 1),
  ('listing.request_changes', 'notice.listing.request_changes', 'Changes requested on “{title}”', 'The Union''s note: ', '', 1),
  ('listing_revision.approve', 'notice.revision.approve', 'Thay đổi của “{title}” đã được duyệt', 'Nội dung mới đã hiển thị cho người mua.', '', 0),
  ('listing_revision.approve', 'notice.revision.approve', 'Your edit of “{title}” was approved', 'Buyers now see the new version.', '', 0),
  ('listing_revision.reject', 'notice.revision.reject', 'Thay đổi của “{title}” không được duyệt', 'Lý do: ', '. Phiên bản cũ vẫn hiển thị.', 1),
  ('listing_revision.reject', 'notice.revision.reject', 'Your edit of “{title}” was rejected', 'Reason: ', '. The published version stays.', 1),
  ('listing_revision.request_changes', 'notice.revision.request_changes', 'Cần sửa lại thay đổi của “{title}”', 'Góp ý của cán bộ Hội: ', '', 1),
  ('listing_revision.request_changes', 'notice.revision.request_changes', 'Changes requested on your edit of “{title}”', 'The Union''s note: ', '', 1)
),
`found` AS (
  SELECT n.`id`, t.`key`, l.`title`, t.`has_reason`,
    substr(n.`body`, length(t.`head`) + 1, length(n.`body`) - length(t.`head`) - length(t.`tail`)) AS `reason`
  FROM `notifications` n
  JOIN `templates` t ON t.`kind` = n.`kind`
  JOIN `listings` l ON n.`link` = '/ban-hang/san-pham/' || l.`sku`
  WHERE n.`message_key` IS NULL
    AND n.`title` = replace(t.`title`, '{title}', l.`title`)
    AND CASE WHEN t.`has_reason` = 0 THEN n.`body` = t.`head`
      ELSE length(n.`body`) >= length(t.`head`) + length(t.`tail`)
        AND substr(n.`body`, 1, length(t.`head`)) = t.`head`
        AND (t.`tail` = '' OR substr(n.`body`, -length(t.`tail`)) = t.`tail`) END
)
UPDATE `notifications` SET
  `message_key` = `found`.`key`,
  `params` = CASE WHEN `found`.`has_reason` = 1
    THEN json_object('title', `found`.`title`, 'reason', `found`.`reason`)
    ELSE json_object('title', `found`.`title`) END
FROM `found` WHERE `notifications`.`id` = `found`.`id`;
--> statement-breakpoint
-- Decisions on a producer's application: the name of one of the reader's producers.
WITH `templates`(`kind`, `key`, `title`, `head`, `has_reason`) AS (VALUES
  ('producer.verified', 'notice.producer.verified', '{name} đã được xác minh', 'Các sản phẩm đã duyệt sẽ hiển thị cho người mua.', 0),
  ('producer.verified', 'notice.producer.verified', '{name} is verified', 'Approved products are now shown to buyers.', 0),
  ('producer.rejected', 'notice.producer.rejected', 'Hồ sơ {name} chưa được xác minh', 'Lý do: ', 1),
  ('producer.rejected', 'notice.producer.rejected', '{name} was not verified', 'Reason: ', 1)
),
`found` AS (
  SELECT n.`id`, t.`key`, p.`name`, t.`has_reason`,
    substr(n.`body`, length(t.`head`) + 1) AS `reason`
  FROM `notifications` n
  JOIN `templates` t ON t.`kind` = n.`kind`
  JOIN `producer_memberships` m ON m.`user_id` = n.`user_id`
  JOIN `producers` p ON p.`id` = m.`producer_id`
  WHERE n.`message_key` IS NULL
    AND n.`title` = replace(t.`title`, '{name}', p.`name`)
    AND CASE WHEN t.`has_reason` = 0 THEN n.`body` = t.`head`
      ELSE substr(n.`body`, 1, length(t.`head`)) = t.`head` END
)
UPDATE `notifications` SET
  `message_key` = `found`.`key`,
  `params` = CASE WHEN `found`.`has_reason` = 1
    THEN json_object('name', `found`.`name`, 'reason', `found`.`reason`)
    ELSE json_object('name', `found`.`name`) END
FROM `found` WHERE `notifications`.`id` = `found`.`id`;
--> statement-breakpoint
-- Certificate warnings: the certificate's kind, number and date are read back from the text and
-- the listing's title from the table; the row is mapped only if they rebuild the text exactly.
WITH `templates`(`title_head`, `title_sep`, `title_tail`, `numbered_head`, `plain_head`, `mid`, `tail`) AS (VALUES
  ('Chứng nhận ', ' của “', '” sắp hết hạn', 'Giấy chứng nhận số ', 'Giấy chứng nhận hết hạn ngày ', ' hết hạn ngày ', '. Hãy gia hạn và cập nhật trên gian hàng để giữ huy hiệu.'),
  ('The ', ' certificate of “', '” expires soon', 'Certificate ', 'Certificate expires on ', ' expires on ', '. Renew it and update the listing to keep the badge.')
),
`read` AS (
  SELECT n.`id`, n.`title` AS `old_title`, n.`body` AS `old_body`, l.`title`, t.*,
    substr(n.`title`, length(t.`title_head`) + 1, instr(n.`title`, t.`title_sep`) - length(t.`title_head`) - 1) AS `cert_kind`,
    substr(n.`body`, instr(n.`body`, t.`mid`) + length(t.`mid`), 10) AS `day`,
    CASE WHEN substr(n.`body`, 1, length(t.`plain_head`)) = t.`plain_head` THEN NULL
      ELSE substr(n.`body`, length(t.`numbered_head`) + 1, instr(n.`body`, t.`mid`) - length(t.`numbered_head`) - 1) END AS `number`
  FROM `notifications` n
  JOIN `templates` t
  JOIN `listings` l ON n.`link` = '/ban-hang/san-pham/' || l.`sku`
  WHERE n.`message_key` IS NULL AND n.`kind` = 'certificate.expiry_notice'
),
`found` AS (
  SELECT * FROM `read`
  WHERE `old_title` = `title_head` || `cert_kind` || `title_sep` || `title` || `title_tail`
    AND `old_body` = CASE WHEN `number` IS NULL THEN `plain_head` || `day` || `tail`
      ELSE `numbered_head` || `number` || `mid` || `day` || `tail` END
)
UPDATE `notifications` SET
  `message_key` = CASE WHEN `found`.`number` IS NULL THEN 'notice.certificate.expiring'
    ELSE 'notice.certificate.expiringNumbered' END,
  `params` = CASE WHEN `found`.`number` IS NULL
    THEN json_object('kind', `found`.`cert_kind`, 'title', `found`.`title`, 'date', `found`.`day`)
    ELSE json_object('kind', `found`.`cert_kind`, 'title', `found`.`title`, 'number', `found`.`number`, 'date', `found`.`day`) END
FROM `found` WHERE `notifications`.`id` = `found`.`id`;
--> statement-breakpoint
-- Anything else keeps its text, shown as it was written.
UPDATE `notifications` SET
  `message_key` = 'notice.legacy',
  `params` = json_object('title', `title`, 'body', `body`)
WHERE `message_key` IS NULL;
