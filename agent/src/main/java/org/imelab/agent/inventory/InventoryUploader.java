package org.imelab.agent.inventory;

/** Sends an inventory to the service (the ApplicationInventory session request). */
public interface InventoryUploader {

    /** @throws InventoryUploadException when the service did not accept it; nothing is committed then */
    void upload(InventoryDelta delta) throws InventoryUploadException;

    /** The service refused or could not be reached. */
    final class InventoryUploadException extends Exception {
        private static final long serialVersionUID = 1L;

        public InventoryUploadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
