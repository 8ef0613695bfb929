package sidecar

// Content types of the sidecars, as players and podcast apps expect them
// when a store or a server sends the files.
const (
	TimingsType  = "application/json"
	VTTType      = "text/vtt; charset=utf-8"
	SRTType      = "application/x-subrip"
	ChaptersType = "application/json+chapters"
)

// CaptionsType is the content type of captions in format (CaptionsVTT or
// CaptionsSRT).
func CaptionsType(format string) string {
	if format == CaptionsSRT {
		return SRTType
	}
	return VTTType
}
