import { domainErrorClass } from '#ikm/domain';

export enum CommentErrorCode {
  NotFound = 'COMMENT_NOT_FOUND',
  NotAuthor = 'COMMENT_NOT_AUTHOR',
  Gone = 'COMMENT_GONE',
}

export class CommentError extends domainErrorClass<CommentErrorCode>({
  [CommentErrorCode.NotFound]: 404,
  [CommentErrorCode.NotAuthor]: 403,
  [CommentErrorCode.Gone]: 409,
}) {
  static notFound(id: string): CommentError {
    return new CommentError(CommentErrorCode.NotFound, `Comment ${id} does not exist on this idea.`);
  }

  static notAuthor(id: string): CommentError {
    return new CommentError(CommentErrorCode.NotAuthor, `Only the author of comment ${id} may change or delete it.`);
  }

  static gone(id: string, status: string): CommentError {
    return new CommentError(CommentErrorCode.Gone, `Comment ${id} is ${status} and can no longer be changed.`);
  }
}
