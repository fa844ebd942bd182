import { DomainError } from '#ikm/http';

export enum CommentErrorCode {
  NotFound = 'COMMENT_NOT_FOUND',
  NotAuthor = 'COMMENT_NOT_AUTHOR',
  Gone = 'COMMENT_GONE',
}

const STATUS_OF: Record<CommentErrorCode, number> = {
  [CommentErrorCode.NotFound]: 404,
  [CommentErrorCode.NotAuthor]: 403,
  [CommentErrorCode.Gone]: 409,
};

export class CommentError extends DomainError<CommentErrorCode> {
  get status(): number {
    return STATUS_OF[this.code];
  }

  static notFound(id: string): CommentError {
    return new CommentError(CommentErrorCode.NotFound, `Comment ${id} does not exist on this idea.`);
  }

  static notAuthor(id: string): CommentError {
    return new CommentError(CommentErrorCode.NotAuthor, `Only the author of comment ${id} may change or delete it.`);
  }

  static gone(id: string, status: string): CommentError {
    return new CommentError(CommentErrorCode.Gone, `Comment ${id} is ${status} and can no longer be changed.`);
  }

  private constructor(code: CommentErrorCode, message: string) {
    super(code, message);
  }
}
