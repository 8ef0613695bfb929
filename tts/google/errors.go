package google

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/narrate-dev/narrate/tts"
)

// credentialsHint is how a user without credentials gets some.
const credentialsHint = "set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file or run `gcloud auth application-default login`"

func noCredentials(missing string) error {
	return &tts.CredentialError{Engine: Scheme, Missing: missing, Hint: credentialsHint}
}

func isNoCredentials(err error) bool {
	return strings.Contains(err.Error(), "could not find default credentials")
}

// metadataProbeTimeout bounds the check for a GCE metadata server, the last
// place Application Default Credentials look.
const metadataProbeTimeout = 1500 * time.Millisecond

// CheckCredentials implements tts.CredentialChecker: it looks where
// Application Default Credentials look, in their order, so that a missing
// credential is reported at once in words a user can act on, instead of as a
// library error after a metadata-server timeout. An endpoint reached with
// insecure=true (an emulator, a test server) needs none.
func (e *Engine) CheckCredentials(ctx context.Context) error {
	if e.opts.Insecure {
		return nil
	}
	err := localCredentials()
	var ce *tts.CredentialError
	if !errors.As(err, &ce) || !ce.Unprobed {
		return err
	}
	if onGCE(ctx) {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ce.Missing += " and no metadata server answers"
	ce.Unprobed = false
	return ce
}

// localCredentials looks where Application Default Credentials look, but
// for the metadata server: the variable, gcloud's file, GCE_METADATA_HOST.
// It is the voice offers' cheap Ready (no network); when it finds nothing
// its error is Unprobed, and CheckCredentials asks the metadata server.
func localCredentials() error {
	if path := os.Getenv("GOOGLE_APPLICATION_CREDENTIALS"); path != "" {
		if _, err := os.Stat(path); err != nil {
			return noCredentials(fmt.Sprintf("GOOGLE_APPLICATION_CREDENTIALS is %s, which cannot be read: %v", path, errors.Unwrap(err)))
		}
		return nil
	}
	f := wellKnownFile()
	if f != "" {
		if _, err := os.Stat(f); err == nil {
			return nil
		}
	}
	if os.Getenv("GCE_METADATA_HOST") != "" {
		return nil
	}
	missing := "GOOGLE_APPLICATION_CREDENTIALS is not set"
	if f != "" {
		missing += ", " + f + " does not exist"
	}
	return &tts.CredentialError{Engine: Scheme, Missing: missing, Hint: credentialsHint, Unprobed: true}
}

// wellKnownFile is where `gcloud auth application-default login` writes.
func wellKnownFile() string {
	dir := os.Getenv("CLOUDSDK_CONFIG")
	if dir == "" {
		if runtime.GOOS == "windows" {
			dir = filepath.Join(os.Getenv("APPDATA"), "gcloud")
		} else if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, ".config", "gcloud")
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "application_default_credentials.json")
}

// onGCE reports whether a Google metadata server answers (on GCE, GKE, Cloud
// Run), which then provides credentials.
func onGCE(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, metadataProbeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://169.254.169.254/computeMetadata/v1/", nil)
	if err != nil {
		return false
	}
	req.Header.Set("Metadata-Flavor", "Google")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.Header.Get("Metadata-Flavor") == "Google"
}

// mapError turns a client error into a tts error of the right kind. ctx is
// the caller's (not the per-request timeout's): when it is done, its error
// is what the caller gets.
func (e *Engine) mapError(ctx context.Context, err error, what string) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("google: %s: %w", what, cerr)
	}
	// The per-request context inherits an earlier caller deadline and its
	// own timer can fire before the caller's ctx reports done: a passed
	// caller deadline is the caller's, whatever ctx.Err says yet.
	if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
		return fmt.Errorf("google: %s: %w", what, context.DeadlineExceeded)
	}
	st, ok := status.FromError(err)
	if !ok {
		if errors.Is(err, context.DeadlineExceeded) {
			return tts.Errorf(tts.ErrTransient, Scheme, "%s: no answer within the %v timeout", what, e.opts.Timeout)
		}
		return tts.Errorf(tts.ErrTransient, Scheme, "%s: %w", what, err)
	}
	msg := st.Message()
	switch st.Code() {
	case codes.DeadlineExceeded:
		return tts.Errorf(tts.ErrTransient, Scheme, "%s: no answer within the %v timeout (%s)", what, e.opts.Timeout, msg)
	case codes.Unavailable, codes.Aborted, codes.Internal, codes.Unknown, codes.Canceled:
		return tts.Errorf(tts.ErrTransient, Scheme, "%s: %s (%s)", what, msg, st.Code())
	case codes.ResourceExhausted:
		rl := tts.Errorf(tts.ErrRateLimited, Scheme, "%s: %s (%s)", what, msg, st.Code())
		rl.RetryAfter = retryDelay(st)
		return rl
	case codes.InvalidArgument:
		if tooLong(msg) {
			return tts.Errorf(tts.ErrTooLong, Scheme, "%s: %s", what, msg)
		}
	case codes.Unauthenticated:
		return tts.Errorf(tts.ErrPermanent, Scheme, "%s: the credentials were refused: %s (%s)", what, msg, st.Code())
	}
	return tts.Errorf(tts.ErrPermanent, Scheme, "%s: %s (%s)", what, msg, st.Code())
}

// tooLong recognizes Google's answers to input over 5,000 bytes and to
// over-long sentences.
func tooLong(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "too long") || strings.Contains(m, "longer than the limit")
}

// retryDelay is the RetryInfo delay in st's details, or 0.
func retryDelay(st *status.Status) time.Duration {
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay() != nil {
			if d := ri.GetRetryDelay().AsDuration(); d > 0 {
				return d
			}
		}
	}
	return 0
}
