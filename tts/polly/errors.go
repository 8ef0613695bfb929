package polly

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/narrate-dev/narrate/tts"
)

// credentialsHint is how a user without credentials gets some.
const credentialsHint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run `aws configure`"

// credentialsProbeTimeout bounds the credential chain's search, whose last
// step asks an instance metadata service that may not be there.
const credentialsProbeTimeout = 3 * time.Second

// CheckCredentials implements tts.CredentialChecker: it runs the SDK's
// default credential chain, so that missing credentials are said at once
// in words a user can act on.
func (e *Engine) CheckCredentials(ctx context.Context) error {
	cfg, err := e.config(ctx)
	if err != nil {
		return err
	}
	if cfg.Credentials == nil {
		return &tts.CredentialError{Engine: Scheme, Missing: missingCredentials(), Hint: credentialsHint}
	}
	probe, cancel := context.WithTimeout(ctx, credentialsProbeTimeout)
	defer cancel()
	if _, err := cfg.Credentials.Retrieve(probe); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return &tts.CredentialError{Engine: Scheme, Missing: missingCredentials(), Hint: credentialsHint}
	}
	return nil
}

// missingCredentials names where the default chain looked.
func missingCredentials() string {
	if p := os.Getenv("AWS_PROFILE"); p != "" {
		return fmt.Sprintf("AWS_PROFILE is %s, which has no usable credentials in ~/.aws/credentials or ~/.aws/config", p)
	}
	return "AWS_ACCESS_KEY_ID is not set, ~/.aws/credentials has no default profile, and no container or instance role answered"
}

// mapError turns an SDK error into a tts error of the right kind. ctx is
// the caller's (not the per-request timeout's): when it is done, its error
// is what the caller gets.
func (e *Engine) mapError(ctx context.Context, err error, what string) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("polly: %s: %w", what, cerr)
	}
	if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
		return fmt.Errorf("polly: %s: %w", what, context.DeadlineExceeded)
	}
	var ce *tts.CredentialError
	if errors.As(err, &ce) {
		return err
	}
	status := 0
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		var ne net.Error
		if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
			return tts.Errorf(tts.ErrTransient, Scheme, "%s: no answer within the %v timeout", what, e.opts.Timeout)
		}
		if status >= 500 || status == 0 {
			return tts.Errorf(tts.ErrTransient, Scheme, "%s: %v", what, err)
		}
		return tts.Errorf(tts.ErrPermanent, Scheme, "%s: %v", what, err)
	}
	code, msg := api.ErrorCode(), api.ErrorMessage()
	switch {
	case code == "ThrottlingException" || code == "ServiceQuotaExceededException" || status == 429:
		return tts.Errorf(tts.ErrRateLimited, Scheme, "%s: %s: %s", what, code, msg)
	case code == "TextLengthExceededException":
		return tts.Errorf(tts.ErrTooLong, Scheme, "%s: %s: %s", what, code, msg)
	case code == "ServiceFailureException" || status >= 500:
		return tts.Errorf(tts.ErrTransient, Scheme, "%s: %s: %s", what, code, msg)
	case code == "UnrecognizedClientException" || code == "InvalidSignatureException" ||
		code == "AccessDeniedException" || code == "ExpiredTokenException" || status == 401 || status == 403:
		return tts.Errorf(tts.ErrPermanent, Scheme, "%s: the credentials were refused: %s: %s", what, code, msg)
	}
	if strings.TrimSpace(msg) == "" {
		msg = "(no message)"
	}
	return tts.Errorf(tts.ErrPermanent, Scheme, "%s: %s: %s", what, code, msg)
}
