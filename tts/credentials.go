package tts

import (
	"context"
	"errors"
	"fmt"
)

// ErrNoCredentials is matched by the error of an engine whose driver cannot
// find the credentials it needs: an API key variable unset, a key file that
// is not there, no cloud credential chain. It also matches ErrPermanent: no
// retry finds them.
var ErrNoCredentials = errors.New("no credentials")

// CredentialError says which credentials a driver needs and did not find.
// It matches ErrNoCredentials and ErrPermanent.
type CredentialError struct {
	// Engine is the scheme of the engine ("elevenlabs").
	Engine string
	// Missing says what is missing, naming the variable or file the way a
	// user sets it: "ELEVENLABS_API_KEY is not set".
	Missing string
	// Hint says how to provide it; may be empty.
	Hint string
	// Unprobed is set when only environment variables and files were
	// looked at (a voice offer's cheap Ready): a cloud's metadata service,
	// which gives an instance or container its role, was not asked and may
	// still provide credentials.
	Unprobed bool
}

func (e *CredentialError) Error() string {
	msg := "no credentials: " + e.Missing
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	if e.Engine != "" {
		msg = e.Engine + ": " + msg
	}
	return msg
}

// Is makes errors.Is(err, ErrNoCredentials) and errors.Is(err,
// ErrPermanent) true.
func (e *CredentialError) Is(target error) bool {
	return target == ErrNoCredentials || target == ErrPermanent
}

// CredentialChecker is implemented by drivers that need credentials. The
// Engine calls CheckCredentials once, before the driver's first call, so
// that missing credentials are one clear error before any request, never a
// request refused or retried; a dry run calls it to warn.
//
// CheckCredentials looks where the driver will look (environment variables,
// key files, a cloud's default credential chain) without a request to the
// engine itself, and returns a *CredentialError naming what is missing, or
// nil when the credentials are there or the engine needs none as
// configured (a local endpoint without keys). It may take a moment (a
// metadata server probe) and must honour ctx. It does not check that the
// credentials are valid: only the engine can say that.
type CredentialChecker interface {
	CheckCredentials(ctx context.Context) error
}

// CheckCredentials reports whether the driver has the credentials it needs
// (see CredentialChecker); nil for drivers that need none. The answer is
// kept for the life of the Engine, unless ctx ended first.
func (e *Engine) CheckCredentials(ctx context.Context) error {
	cc, ok := e.d.(CredentialChecker)
	if !ok {
		return nil
	}
	e.credMu.Lock()
	defer e.credMu.Unlock()
	if e.credDone {
		return e.credErr
	}
	err := cc.CheckCredentials(ctx)
	if err != nil && ctx.Err() != nil {
		return err
	}
	if err != nil && !errors.Is(err, ErrPermanent) {
		// A checker's error of no kind is still a reason not to call.
		err = &Error{Kind: ErrPermanent, Engine: e.scheme, Err: err}
	}
	e.credDone, e.credErr = true, err
	return err
}

// CredentialsReady is an Offer.Ready for the driver registered under
// scheme: it opens that driver with no voice and no options, asks its
// CheckCredentials (environment variables and files, no request), and
// closes it. A driver that needs no credentials is ready.
func CredentialsReady(scheme string) func() error {
	return func() error {
		registryMu.RLock()
		open := registry[scheme]
		registryMu.RUnlock()
		if open == nil {
			return fmt.Errorf("%s: no such engine", scheme)
		}
		d, err := open(context.Background(), &Spec{Scheme: scheme})
		if err != nil {
			return err
		}
		defer d.Close()
		if cc, ok := d.(CredentialChecker); ok {
			return cc.CheckCredentials(context.Background())
		}
		return nil
	}
}
