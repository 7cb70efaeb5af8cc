package io.subnet2.validator.web.internal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.subnet2.validator.tournament.IllegalTransitionException;
import io.subnet2.validator.tournament.NotFoundException;

/** Maps domain errors to problem details with a readable message. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "malformed JSON body");
    }

    @ExceptionHandler({ IllegalTransitionException.class, DataIntegrityViolationException.class,
            IllegalStateException.class })
    ProblemDetail conflict(RuntimeException e) {
        String message = e instanceof DataIntegrityViolationException
                ? "conflicts with existing data (for example another open tournament on this netuid)"
                : e.getMessage();
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
    }
}
