-- Skus are unique among live products ignoring the case of ASCII letters (Product.skuKey).
-- H2 has no partial index: a generated column that is NULL for deleted rows carries the folded
-- sku, as live_sku does for the exact one. translate(), not lower(), so only ASCII letters fold,
-- as on SQLite. A database whose live skus already clash is refused before this runs, with the
-- clashing skus named (SkuClashCheck).
alter table product add column live_sku_key varchar(64) generated always as
    (case when deleted_at is null
        then translate(sku, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') end);
create unique index ux_product_sku_ci on product (live_sku_key);
