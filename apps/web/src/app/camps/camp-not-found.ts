/** Shown in place of the API's words when a camp asked for by id is not there (404). */
export const CAMP_NOT_FOUND_MESSAGE = 'This camp does not exist, or was removed.';
