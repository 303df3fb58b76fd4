/**
 * The pick-list preview use case hosts call, {@link
 * dev.restock.api.picklist.port.in.PickListPreview}.
 */
@NullMarked
package dev.restock.api.picklist.port.in;

import org.jspecify.annotations.NullMarked;
