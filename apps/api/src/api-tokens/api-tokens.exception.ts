import { AppException } from '../common/problem/app-exception.js';

export class ApiTokensException extends AppException {
  static notFound(id: string): ApiTokensException {
    return new ApiTokensException(404, 'api_token.not_found', 'API token not found', undefined, undefined, { id });
  }
}
